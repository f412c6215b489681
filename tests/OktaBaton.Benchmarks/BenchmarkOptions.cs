using System.Globalization;

namespace OktaBaton.Benchmarks;

/// <summary>The command line of the benchmark (parent process).</summary>
internal sealed class BenchmarkOptions
{
    public int Users { get; private set; } = 5000;
    public int Groups { get; private set; } = 500;
    public int Apps { get; private set; } = 50;
    public int Seed { get; private set; } = 1;
    public double MembershipScale { get; private set; } = 1.0;
    public int LatencyMs { get; private set; }
    public string RateLimits { get; private set; } = "unlimited";
    public int RateWindowSeconds { get; private set; } = 60;
    public int ConcurrencyLimit { get; private set; } = 75;
    /// <summary>OktaBaton's RateLimitShare: the share of the ceiling Okta reports to the token that the sync spends.</summary>
    public double Share { get; private set; } = 1.0;
    /// <summary>Every token's share of each bucket at the simulated Okta, in percent (Okta's default 50).</summary>
    public int PrincipalShare { get; private set; } = 50;
    public int ThrottleLimit { get; private set; } = 16;
    public IReadOnlyList<string> Phases { get; private set; } = new[] { Phase.Sync, Phase.Baseline, Phase.RawFetch };
    public string ResultsPath { get; private set; } = "benchmark-results.json";
    /// <summary>For the refresh phase: the share of users, and of groups, changed between the full sync and the refresh.</summary>
    public double ChangeUsers { get; private set; } = 0.01;
    public double ChangeGroups { get; private set; } = 0.01;

    public bool IsWorkforce => RateLimits == "workforce";

    public const string Help = """
        dotnet run -c Release --project tests/OktaBaton.Benchmarks -- [options]
          --users N --groups M --apps K --seed S   the generated org (default 5000 / 500 / 50 / 1)
          --membership-scale F                     multiplies every generated group's size (default 1)
          --latency-ms N                           simulator latency per request (default 0)
          --rate-limits workforce|unlimited        (default unlimited)
          --rate-window-seconds N                  the simulator's rate-limit window (default 60)
          --concurrency-limit N                    the simulator's in-flight limit (default 75)
          --share F                                OktaBaton's RateLimitShare (default 1: all Okta grants the token)
          --principal-share PERCENT                each token's share of every bucket at the simulated
                                                   Okta (default 50, Okta's default; 100 = no per-token limit)
          --throttle-limit N                       OktaBaton's ThrottleLimit (default 16)
          --phases sync,baseline,raw,refresh       which phases to run (default sync,baseline,raw); refresh
                                                   (after sync) changes the org, refreshes sync's file
                                                   incrementally, then syncs the changed org in full
                                                   (sync-after) and compares the two files
          --change-users F --change-groups F       the share of users and of groups refresh changes
                                                   (default 0.01 each)
          --results PATH                           the JSON results (default benchmark-results.json)
        """;

    public static BenchmarkOptions Parse(string[] args)
    {
        var options = new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{flag} needs a value.");
            switch (flag)
            {
                case "--users": options.Users = Int(flag, Value(), 1, 1_000_000); break;
                case "--groups": options.Groups = Int(flag, Value(), 1, 100_000); break;
                case "--apps": options.Apps = Int(flag, Value(), 0, 100_000); break;
                case "--seed": options.Seed = Int(flag, Value(), int.MinValue, int.MaxValue); break;
                case "--membership-scale":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) || scale < 0.01 || scale > 100)
                    {
                        throw new ArgumentException("--membership-scale must be a number from 0.01 to 100.");
                    }
                    options.MembershipScale = scale;
                    break;
                case "--latency-ms": options.LatencyMs = Int(flag, Value(), 0, 10_000); break;
                case "--rate-limits":
                    options.RateLimits = Value().ToLowerInvariant();
                    if (options.RateLimits is not ("workforce" or "unlimited")) throw new ArgumentException("--rate-limits must be workforce or unlimited.");
                    break;
                case "--rate-window-seconds": options.RateWindowSeconds = Int(flag, Value(), 1, 3600); break;
                case "--concurrency-limit": options.ConcurrencyLimit = Int(flag, Value(), 0, 1000); break;
                case "--share":
                    if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var share) || share <= 0 || share > 1)
                    {
                        throw new ArgumentException("--share must be more than 0 and at most 1.");
                    }
                    options.Share = share;
                    break;
                case "--throttle-limit": options.ThrottleLimit = Int(flag, Value(), 1, 75); break;
                case "--principal-share": options.PrincipalShare = Int(flag, Value(), 5, 100); break;
                case "--phases":
                    var phases = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    foreach (var phase in phases)
                    {
                        if (!Phase.All.Contains(phase)) throw new ArgumentException($"Unknown phase '{phase}'; phases: {string.Join(", ", Phase.All)}.");
                    }
                    if (phases.Contains(Phase.Refresh) && Array.IndexOf(phases, Phase.Sync) is var at && (at < 0 || at > Array.IndexOf(phases, Phase.Refresh)))
                    {
                        throw new ArgumentException("The refresh phase refreshes the file of the sync phase: list sync before it.");
                    }
                    options.Phases = phases;
                    break;
                case "--results": options.ResultsPath = Value(); break;
                case "--change-users": options.ChangeUsers = Fraction(flag, Value()); break;
                case "--change-groups": options.ChangeGroups = Fraction(flag, Value()); break;
                default: throw new ArgumentException($"Unknown option '{flag}'.\n{Help}");
            }
        }
        return options;
    }

    /// <summary>The simulator's command line for this org.</summary>
    public IEnumerable<string> SimulatorArguments() => new[]
    {
        "--users", Str(Users), "--groups", Str(Groups), "--apps", Str(Apps), "--seed", Str(Seed), "--membership-scale", MembershipScale.ToString("R", CultureInfo.InvariantCulture),
        "--latency-ms", Str(LatencyMs), "--rate-limits", RateLimits, "--rate-window-seconds", Str(RateWindowSeconds),
        "--concurrency-limit", Str(ConcurrencyLimit), "--principal-share", Str(PrincipalShare),
    };

    /// <summary>The requests OktaBaton keeps in flight at most: its ThrottleLimit within its share of a token's 37.</summary>
    public int InFlightCap => Math.Max(1, Math.Min(ThrottleLimit, (int)Math.Floor(37 * Share)));

    private static double Fraction(string flag, string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 && value <= 1
            ? value
            : throw new ArgumentException($"{flag} must be a number from 0 to 1, not '{text}'.");

    private static string Str(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static int Int(string flag, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"{flag} must be a whole number between {min} and {max}, not '{text}'.");
}

internal static class Phase
{
    public const string Sync = "sync";
    public const string Baseline = "baseline";
    public const string RawFetch = "raw";
    public const string Refresh = "refresh";
    /// <summary>Not asked for: the full sync of the changed org that the refresh phase compares itself with.</summary>
    public const string SyncAfter = "sync-after";
    public static readonly string[] All = { Sync, Baseline, RawFetch, Refresh };
}
