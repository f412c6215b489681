using OktaBaton.Core.Okta;
using OktaBaton.Core.Sync;

namespace OktaBaton.Benchmarks;

/// <summary>Phase 1: OktaBaton's own sync engine, to a temporary file that is deleted afterwards.</summary>
internal static class SyncPhase
{
    public static async Task<PhaseResult> RunAsync(Uri baseUrl, string token, int throttleLimit, double share)
    {
        var directory = Directory.CreateTempSubdirectory("oktabaton-bench-");
        try
        {
            using var client = new OktaClient(new OktaClientOptions(OktaOrgUrl.Parse(baseUrl.ToString()), new ApiTokenAuthenticator(token)));
            var options = new SyncOptions { ThrottleLimit = throttleLimit, RateLimitShare = share };
            var meter = new ProcessMeter();
            var sync = await new SyncEngine(client).RunAsync(Path.Combine(directory.FullName, "sync.json"), options, null, CancellationToken.None)
                .ConfigureAwait(false);
            var result = new PhaseResult
            {
                Phase = Phase.Sync,
                ClientRequests = client.Stats.Requests,
                ClientRateLimited = client.Stats.RateLimited,
                Grants = sync.Grants,
                Items = sync.ResourceCounts.Values.Sum(),
            };
            meter.Fill(result);
            return result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
