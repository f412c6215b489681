using System.Text.Json;

namespace OktaBaton.Benchmarks;

/// <summary>
/// Phase 2, the sequential baseline (how the reference connector reads an org: one request at a time, the roles of
/// every group, 429 retried after its reset), and phase 3, the raw-fetch floor (exactly the pages OktaBaton's sync
/// reads, side by side like it, parsed and dropped).
/// </summary>
internal static class PlainPhase
{
    private const string Users = "/api/v1/users?search=status%20pr&limit=200";
    private const string Groups = "/api/v1/groups?limit=200&expand=stats";
    private const string ActiveApps = "/api/v1/apps?limit=200&filter=status%20eq%20%22ACTIVE%22";
    private const string Admins = "/api/v1/iam/assignees/users?limit=100";

    public static async Task<PhaseResult> RunAsync(string phase, Uri baseUrl, string token, int degree)
    {
        var baseline = phase == Phase.Baseline;
        if (baseline) degree = 1;
        using var walker = new PlainWalker(baseUrl, token);
        var meter = new ProcessMeter();
        long grants = 0;
        void Grant(JsonElement _) => Interlocked.Increment(ref grants);

        await walker.WalkAsync(Users, _ => { }).ConfigureAwait(false);

        var groups = new List<GroupInfo>();
        await walker.WalkAsync(Groups, g => groups.Add(GroupInfo.From(g))).ConfigureAwait(false);
        await ForEachAsync(groups.Where(g => g.UsersCount != 0), degree,
            g => walker.WalkAsync($"/api/v1/groups/{g.Id}/users?limit=1000", Grant)).ConfigureAwait(false);

        var apps = new List<string>();
        await walker.WalkAsync(ActiveApps, a => apps.Add(a.GetProperty("id").GetString()!)).ConfigureAwait(false);
        await ForEachAsync(apps, degree, async app =>
        {
            await walker.WalkAsync($"/api/v1/apps/{app}/users?limit=500", Grant).ConfigureAwait(false);
            await walker.WalkAsync($"/api/v1/apps/{app}/groups?limit=200", Grant).ConfigureAwait(false);
        }).ConfigureAwait(false);

        var admins = new List<string>();
        await walker.WalkAsync(Admins, a => admins.Add(a.GetProperty("id").GetString()!), "value").ConfigureAwait(false);
        await ForEachAsync(admins, degree, id => walker.WalkAsync($"/api/v1/users/{id}/roles", Grant)).ConfigureAwait(false);
        var roleGroups = baseline ? groups : groups.Where(g => g.HoldsAdminPrivilege).ToList();
        await ForEachAsync(roleGroups, degree, g => walker.WalkAsync($"/api/v1/groups/{g.Id}/roles", Grant)).ConfigureAwait(false);

        var result = new PhaseResult { Phase = phase, ClientRequests = walker.Requests, ClientRateLimited = walker.RateLimited, Grants = grants, Items = walker.Items };
        meter.Fill(result);
        return result;
    }

    private static Task ForEachAsync<T>(IEnumerable<T> items, int degree, Func<T, Task> body) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree }, (item, _) => new ValueTask(body(item)));

    private sealed record GroupInfo(string Id, int? UsersCount, bool HoldsAdminPrivilege)
    {
        public static GroupInfo From(JsonElement group)
        {
            int? users = null;
            var admin = false;
            if (group.TryGetProperty("_embedded", out var embedded) && embedded.TryGetProperty("stats", out var stats))
            {
                if (stats.TryGetProperty("usersCount", out var count) && count.ValueKind == JsonValueKind.Number) users = count.GetInt32();
                admin = (stats.TryGetProperty("hasAdminPrivilege", out var a) && a.ValueKind == JsonValueKind.True)
                    || (stats.TryGetProperty("hasAdminPrivileges", out var b) && b.ValueKind == JsonValueKind.True);
            }
            return new GroupInfo(group.GetProperty("id").GetString()!, users, admin);
        }
    }
}
