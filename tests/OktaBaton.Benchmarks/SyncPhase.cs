using OktaBaton.Core.Okta;
using OktaBaton.Core.Sync;

namespace OktaBaton.Benchmarks;

/// <summary>
/// Phase 1: OktaBaton's own sync engine, to <c>--output</c> (kept for a later refresh) or to a temporary file that is
/// deleted afterwards. With <c>--since</c>, the refresh phase: the same engine refreshing that earlier file.
/// </summary>
internal static class SyncPhase
{
    public static async Task<PhaseResult> RunAsync(string phase, Uri baseUrl, string token, int throttleLimit, double share, string? output, string? since)
    {
        var directory = output is null ? Directory.CreateTempSubdirectory("oktabaton-bench-") : null;
        try
        {
            using var client = new OktaClient(new OktaClientOptions(OktaOrgUrl.Parse(baseUrl.ToString()), new ApiTokenAuthenticator(token)));
            var options = new SyncOptions { ThrottleLimit = throttleLimit, RateLimitShare = share };
            var path = output ?? Path.Combine(directory!.FullName, "sync.json");
            var meter = new ProcessMeter();
            var engine = new SyncEngine(client);
            var sync = since is null
                ? await engine.RunAsync(path, options, null, CancellationToken.None).ConfigureAwait(false)
                : await engine.RefreshAsync(path, since, options, null, CancellationToken.None).ConfigureAwait(false);
            var result = new PhaseResult
            {
                Phase = phase,
                ClientRequests = client.Stats.Requests,
                ClientRateLimited = client.Stats.RateLimited,
                Grants = sync.Grants,
                Items = sync.ResourceCounts.Values.Sum(),
                Mode = sync.Mode.ToString(),
                ModeReason = sync.ModeReason,
                RequestsSaved = sync.RequestsSaved,
            };
            meter.Fill(result);
            return result;
        }
        finally
        {
            directory?.Delete(recursive: true);
        }
    }
}
