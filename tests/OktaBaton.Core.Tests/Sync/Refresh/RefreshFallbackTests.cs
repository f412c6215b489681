using System.Net.Http.Headers;
using System.Text;
using OktaBaton.Core.Sync;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Sync.Refresh;

/// <summary>
/// Every case where the change feed cannot prove that a refresh equals a full sync: the command syncs in full, says
/// why, and writes what a full sync writes.
/// </summary>
public sealed class RefreshFallbackTests : IAsyncLifetime
{
    private readonly SteppedClock _clock = new();
    private SyncTestOrg _org = null!;
    private string _earlier = null!;

    public async Task InitializeAsync()
    {
        _org = await SyncTestOrg.StartAsync(o => o.OrgClock = _clock);
        _earlier = _org.PathFor("earlier.json");
        await Engine().RunAsync(_earlier, new SyncOptions(), null, CancellationToken.None);
        _clock.Advance(TimeSpan.FromMinutes(30));
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private SyncEngine Engine(string profile = "super-admin") => new(_org.Client(profile, maxRetries: 1, paceByRateLimits: false));

    /// <summary>Refreshes <paramref name="earlier"/>; asserts a full sync ran for <paramref name="reason"/> and wrote a full sync's bytes.</summary>
    private async Task<SyncResult> AssertFullAsync(string earlier, string reason, SyncOptions? options = null, string profile = "super-admin")
    {
        options ??= new SyncOptions();
        var refreshed = _org.PathFor("refreshed.json");
        var result = await Engine(profile).RefreshAsync(refreshed, earlier, options, null, CancellationToken.None);
        Assert.Equal(SyncMode.Full, result.Mode);
        Assert.Contains(reason, result.ModeReason, StringComparison.Ordinal);
        Assert.Null(result.RequestsSaved);
        var full = _org.PathFor("full.json");
        await Engine(profile).RunAsync(full, options, null, CancellationToken.None);
        SyncFileEquality.AssertEqual(full, refreshed, "the fallback");
        return result;
    }

    private string EditedEarlier(Func<string, string> edit)
    {
        var path = _org.PathFor("edited.json");
        File.WriteAllLines(path, File.ReadAllLines(_earlier).Select(edit));
        return path;
    }

    [Fact]
    public async Task NoEarlierFile() => await AssertFullAsync(_org.PathFor("missing.json"), "there is no earlier sync file");

    [Fact]
    public async Task AnEarlierFileOfAnotherOrg()
    {
        await using var other = await SyncTestOrg.StartAsync();
        var theirs = other.PathFor("theirs.json");
        await new SyncEngine(other.Client(paceByRateLimits: false)).RunAsync(theirs, new SyncOptions(), null, CancellationToken.None);

        await AssertFullAsync(theirs, $"is of the org {other.Host.Domain}, not {_org.Host.Domain}");
    }

    [Fact]
    public async Task OtherOptions() =>
        await AssertFullAsync(_earlier, "synced with other options (syncSecrets: false then, true now", new SyncOptions { SyncSecrets = true });

    [Fact]
    public async Task AnotherWriter() =>
        await AssertFullAsync(EditedEarlier(line => line.StartsWith("\"writer\":", StringComparison.Ordinal) ? "\"writer\":\"OktaBaton 0.0.1\"," : line),
            "written by OktaBaton 0.0.1");

    [Fact]
    public async Task AnEarlierFileWithWarnings()
    {
        // the read-only token may not read admin roles: its file says so
        var partial = _org.PathFor("partial.json");
        await Engine("read-only").RunAsync(partial, new SyncOptions(), null, CancellationToken.None);

        await AssertFullAsync(partial, "warning(s)");
    }

    [Fact]
    public async Task AnEarlierFileOlderThanTheLog() =>
        await AssertFullAsync(EditedEarlier(line => line.StartsWith("\"orgStartedAt\":", StringComparison.Ordinal)
            ? $"\"orgStartedAt\":\"{DateTimeOffset.UtcNow.AddDays(-91):yyyy-MM-dd'T'HH:mm:ss.fff'Z'}\"," : line), "keeps events for 90 days only");

    [Fact]
    public async Task AnEarlierFileThatDoesNotSayWhenItStartedByTheOrgsClock() =>
        await AssertFullAsync(EditedEarlier(line => line.StartsWith("\"orgStartedAt\":", StringComparison.Ordinal) ? "" : line),
            "does not say when it started by the org's clock");

    [Fact]
    public async Task AnEarlierFileCutShort()
    {
        var cut = _org.PathFor("cut.json");
        var bytes = File.ReadAllBytes(_earlier);
        File.WriteAllBytes(cut, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        await AssertFullAsync(cut, "the earlier sync file is not valid");
    }

    [Fact]
    public async Task AnEarlierFileWithABrokenItem() =>
        await AssertFullAsync(EditedEarlier(line => line.StartsWith("{\"id\":\"group:", StringComparison.Ordinal) ? line.Replace("\"principal\":", "\"principal\" ", StringComparison.Ordinal) : line),
            "the earlier sync file is not valid");

    [Fact]
    public async Task AFilterOption()
    {
        var options = new SyncOptions { EmailDomains = { "acme.example" } };
        var filtered = _org.PathFor("filtered.json");
        await Engine().RunAsync(filtered, options, null, CancellationToken.None);

        await AssertFullAsync(filtered, "does not support -EmailDomain", options);
    }

    [Fact]
    public async Task AnEventTypeTheRefreshDoesNotUnderstand()
    {
        using var http = new HttpClient { BaseAddress = _org.Host.BaseUrl };
        using var recorded = await http.PostAsync("/__simulator/log",
            new StringContent("""{"eventType":"system.import.complete","target":[{"id":"0oaSomeDirectory","type":"AppInstance"}]}""", Encoding.UTF8, "application/json"));
        recorded.EnsureSuccessStatusCode();

        await AssertFullAsync(_earlier, "an event of type system.import.complete, which a refresh does not understand");
    }

    [Fact]
    public async Task ALogThatCannotBeReadWhole()
    {
        _org.Host.EnqueueFaults("/api/v1/logs", FaultKind.ServiceUnavailable, 4);

        await AssertFullAsync(_earlier, "the System Log could not be read whole");
    }

    [Fact]
    public async Task AWarningDuringTheRefresh()
    {
        // the earlier file was whole; this token may not read admin roles, so a full sync would warn about all of them
        var result = await AssertFullAsync(_earlier, "the refresh met a warning", profile: "read-only");
        Assert.NotEmpty(result.Warnings);
    }

    [Fact]
    public async Task IrrelevantEventsDoNotStopARefresh()
    {
        using var http = new HttpClient { BaseAddress = _org.Host.BaseUrl };
        foreach (var type in new[] { "user.authentication.sso", "policy.evaluate_sign_on", "user.session.end", "system.email.delivery" })
        {
            using var recorded = await http.PostAsync("/__simulator/log", new StringContent($$"""{"eventType":"{{type}}"}""", Encoding.UTF8, "application/json"));
            recorded.EnsureSuccessStatusCode();
        }

        var result = await Engine().RefreshAsync(_org.PathFor("refreshed.json"), _earlier, new SyncOptions(), null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
    }

    [Fact]
    public async Task AnInPlaceRefreshReplacesTheFileAtomically()
    {
        var inPlace = _org.PathFor("in-place.json");
        File.Copy(_earlier, inPlace);
        using var http = new HttpClient { BaseAddress = _org.Host.BaseUrl };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", "tok-super-admin");
        using var state = await _org.StateAsync();
        var group = state.RootElement.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("type").GetString() == "OKTA_GROUP").GetProperty("id").GetString();
        var user = state.RootElement.GetProperty("users")[3].GetProperty("id").GetString();
        (await http.PutAsync($"/api/v1/groups/{group}/users/{user}", null)).EnsureSuccessStatusCode();

        var result = await Engine().RefreshAsync(inPlace, inPlace, new SyncOptions(), null, CancellationToken.None);
        var full = _org.PathFor("full.json");
        await Engine().RunAsync(full, new SyncOptions(), null, CancellationToken.None);

        Assert.True(result.Mode == SyncMode.Incremental, result.ModeReason);
        SyncFileEquality.AssertEqual(full, inPlace, "an in-place refresh");
        Assert.Equal(new[] { "earlier.json", "full.json", "in-place.json" }, Directory.GetFiles(_org.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ACancelledRefreshLeavesTheEarlierFileAsItWas()
    {
        var before = File.ReadAllBytes(_earlier);
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().RefreshAsync(_earlier, _earlier, new SyncOptions(), null, cancel.Token));

        Assert.Equal(before, File.ReadAllBytes(_earlier));
        Assert.Single(Directory.GetFiles(_org.Directory));
    }
}
