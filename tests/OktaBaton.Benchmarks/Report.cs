using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Benchmarks;

/// <summary>The table on the console and the same figures as JSON.</summary>
internal sealed class Report
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly BenchmarkOptions _options;
    private readonly OrgMinimum _minimum;
    private readonly IReadOnlyList<PhaseRun> _runs;

    public Report(BenchmarkOptions options, OrgMinimum minimum, IReadOnlyList<PhaseRun> runs)
    {
        _options = options;
        _minimum = minimum;
        _runs = runs;
    }

    /// <summary>What the refresh phase changed, and whether its file equals the full sync of the changed org.</summary>
    public RefreshCheck? Refresh { get; init; }

    private PhaseRun? Find(string phase) => _runs.FirstOrDefault(r => r.Measured.Phase == phase);

    public void Print(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("Requests per bucket (served by the simulator)");
        var phases = _runs.Select(r => r.Measured.Phase).ToList();
        output.WriteLine(Row("bucket", new[] { "minimum" }.Concat(phases).ToArray()));
        var buckets = _minimum.ByBucket.Keys.Union(_runs.SelectMany(r => r.ByBucket.Keys)).Distinct().OrderBy(b => b, StringComparer.Ordinal);
        foreach (var bucket in buckets)
        {
            var cells = new List<string> { N(_minimum.ByBucket.GetValueOrDefault(bucket)) };
            cells.AddRange(_runs.Select(r => N(r.ByBucket.GetValueOrDefault(bucket))));
            output.WriteLine(Row(bucket, cells.ToArray()));
        }
        output.WriteLine(Row("total", new[] { N(_minimum.Total) }.Concat(_runs.Select(r => N(r.ServedRequests))).ToArray()));
        output.WriteLine();
        output.WriteLine(Row("phase", "requests", "÷ minimum", "429s", "wall s", "floor s", "wall÷floor", "peak RSS MB", "CPU s", "grants"));
        foreach (var run in _runs)
        {
            var m = run.Measured;
            output.WriteLine(Row(m.Phase, N(run.ServedRequests), R((double)run.ServedRequests / _minimum.Total), N(run.Served429s),
                F(m.WallSeconds), run.RateLimitFloorSeconds is { } f ? F(f) : "n/a",
                run.RateLimitFloorSeconds is { } floor && floor > 0 ? R(m.WallSeconds / floor) : "n/a",
                F(m.PeakRssBytes / 1048576.0), F(m.CpuSeconds), N(m.Grants)));
        }
        output.WriteLine();
        foreach (var (name, value) in Ratios()) output.WriteLine($"{name,-44} {value.ToString("0.00", CultureInfo.InvariantCulture)}");
        if (Refresh is { } check && Find(Phase.Refresh) is { } refresh)
        {
            output.WriteLine();
            output.WriteLine($"refresh: {refresh.Measured.Mode}{(refresh.Measured.ModeReason is { } why ? " (" + why + ")" : "")}, " +
                $"{check.Users} users and {check.Groups} groups changed, requests saved (estimate) {refresh.Measured.RequestsSaved?.ToString(CultureInfo.InvariantCulture) ?? "n/a"}");
            output.WriteLine(check.Equal
                ? $"refreshed file = full sync of the changed org: equal ({check.Lines:N0} lines, apart from ids, times and cost)"
                : $"refreshed file ≠ full sync of the changed org: {check.FirstDifference}");
        }
        output.WriteLine();
        output.WriteLine("Peak RSS is each phase's own child process's VmHWM (runtime included); CPU is that process's CPU time from the phase's start.");
    }

    /// <summary>The figures the issue's targets are stated in.</summary>
    private IEnumerable<(string Name, double Value)> Ratios()
    {
        var sync = Find(Phase.Sync);
        var baseline = Find(Phase.Baseline);
        var raw = Find(Phase.RawFetch);
        if (sync is null) yield break;
        yield return ("sync requests ÷ minimum (target ≤ 1.02)", (double)sync.ServedRequests / _minimum.Total);
        yield return ("sync 429s served (target 0)", sync.Served429s);
        if (sync.RateLimitFloorSeconds is { } floor && floor > 0) yield return ("sync wall ÷ fixed-window floor (target ≤ 1.10)", sync.Measured.WallSeconds / floor);
        if (baseline is not null)
        {
            yield return ("baseline wall ÷ sync wall (target ≥ 3 with limits)", baseline.Measured.WallSeconds / sync.Measured.WallSeconds);
            yield return ("baseline 429s served", baseline.Served429s);
        }
        if (raw is not null)
        {
            yield return ("sync CPU ÷ raw-fetch CPU (target ≤ 2)", sync.Measured.CpuSeconds / Math.Max(raw.Measured.CpuSeconds, 0.001));
            yield return ("sync peak RSS ÷ raw-fetch peak RSS", (double)sync.Measured.PeakRssBytes / raw.Measured.PeakRssBytes);
        }
        yield return ("sync peak RSS MB (target < 300)", sync.Measured.PeakRssBytes / 1048576.0);
        if (Find(Phase.Refresh) is { } refresh && Find(Phase.SyncAfter) is { } full)
        {
            yield return ("refresh requests ÷ full sync requests (target ≤ 0.05)", (double)refresh.ServedRequests / full.ServedRequests);
            yield return ("refresh wall ÷ full sync wall (target ≤ 0.10)", refresh.Measured.WallSeconds / full.Measured.WallSeconds);
            yield return ("refresh peak RSS ÷ full sync peak RSS (target ≤ 1)", (double)refresh.Measured.PeakRssBytes / full.Measured.PeakRssBytes);
            yield return ("refresh file equals full sync's (1 = yes)", Refresh?.Equal == true ? 1 : 0);
        }
    }

    public async Task WriteJsonAsync(string path)
    {
        var document = new
        {
            options = new
            {
                _options.Users, _options.Groups, _options.Apps, _options.Seed, _options.LatencyMs, _options.RateLimits,
                _options.RateWindowSeconds, _options.ConcurrencyLimit, _options.Share, _options.PrincipalShare, _options.ThrottleLimit,
                _options.ChangeUsers, _options.ChangeGroups,
            },
            org = new { _minimum.Users, _minimum.Groups, _minimum.Memberships, _minimum.ActiveApps, _minimum.Admins, _minimum.AdminGroups },
            minimumRequests = new { total = _minimum.Total, byBucket = _minimum.ByBucket },
            phases = _runs.Select(r => new
            {
                r.Measured.Phase,
                requests = r.ServedRequests,
                requestsByBucket = r.ByBucket,
                served429s = r.Served429s,
                r.MaxInFlight,
                r.Measured.WallSeconds,
                rateLimitFloorSeconds = r.RateLimitFloorSeconds,
                slowestBucket = _options.IsWorkforce ? RateLimitFloor.Slowest(r.ByBucket, _options) : null,
                r.Measured.CpuSeconds,
                r.Measured.PeakRssBytes,
                r.Measured.Grants,
                r.Measured.ClientRequests,
                r.Measured.ClientRateLimited,
                r.Measured.Mode,
                r.Measured.ModeReason,
                r.Measured.RequestsSaved,
            }),
            refresh = Refresh,
            ratios = Ratios().ToDictionary(p => p.Name, p => p.Value),
        };
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(Json) { WriteIndented = true })).ConfigureAwait(false);
    }

    private static string Row(string first, params string[] cells) => $"{first,-12}" + string.Concat(cells.Select(c => $"{c,13}"));

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string R(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "×";
}

/// <summary>What the refresh phase changed in the org, and whether the refreshed file equals the full sync of the changed org.</summary>
internal sealed record RefreshCheck(int Users, int Groups, bool Equal, long Lines, string? FirstDifference);
