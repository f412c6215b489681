using System.Text;
using System.Text.Json;

namespace OktaBaton.Benchmarks;

/// <summary>
/// Changes a share of the org's users and groups between the full sync and the refresh, through the simulator's Admin
/// Console (not rate limited, not counted): each chosen user gets one change — mostly a profile update, some a sign-in,
/// a suspension, a deactivation, or (instead) a new user — and each chosen group gains one member and loses another.
/// Seeded: the same options change the same things.
/// </summary>
internal static class OrgChanger
{
    public static async Task<(int Users, int Groups)> ApplyAsync(SimulatorProcess simulator, BenchmarkOptions options)
    {
        var users = new List<(string Id, string Status)>();
        var groups = new List<(string Id, List<string> Members)>();
        await using (var state = await simulator.StateAsync().ConfigureAwait(false))
        using (var document = await JsonDocument.ParseAsync(state).ConfigureAwait(false))
        {
            foreach (var user in document.RootElement.GetProperty("users").EnumerateArray())
            {
                users.Add((user.GetProperty("id").GetString()!, user.GetProperty("status").GetString()!));
            }
            foreach (var group in document.RootElement.GetProperty("groups").EnumerateArray())
            {
                if (group.GetProperty("type").GetString() != "OKTA_GROUP") continue;
                groups.Add((group.GetProperty("id").GetString()!, group.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToList()));
            }
        }

        var random = new Random(options.Seed);
        var changedUsers = users.OrderBy(_ => random.Next()).Take((int)Math.Round(users.Count * options.ChangeUsers)).ToList();
        var changedGroups = groups.OrderBy(_ => random.Next()).Take((int)Math.Round((groups.Count) * options.ChangeGroups)).ToList();
        var requests = new List<(HttpMethod Method, string Path, string? Body)>();
        var serial = 0;
        foreach (var (id, status) in changedUsers)
        {
            var dice = random.Next(100);
            if (dice < 70) requests.Add((HttpMethod.Post, $"/__simulator/console/api/v1/users/{id}", $"{{\"profile\":{{\"title\":\"Changed {random.Next(1000)}\"}}}}"));
            else if (dice < 80 && status == "ACTIVE") requests.Add((HttpMethod.Post, $"/__simulator/users/{id}/sign-in", null));
            else if (dice < 87 && status == "ACTIVE") requests.Add((HttpMethod.Post, $"/__simulator/console/api/v1/users/{id}/lifecycle/suspend", null));
            else if (dice < 95 && status != "DEPROVISIONED") requests.Add((HttpMethod.Post, $"/__simulator/console/api/v1/users/{id}/lifecycle/deactivate", null));
            else
            {
                var login = $"benchmark.new{++serial}@changed.example";
                requests.Add((HttpMethod.Post, "/__simulator/console/api/v1/users?activate=true",
                    $"{{\"profile\":{{\"firstName\":\"New\",\"lastName\":\"User {serial}\",\"email\":\"{login}\",\"login\":\"{login}\"}}}}"));
            }
        }
        foreach (var (id, members) in changedGroups)
        {
            var joiner = users[random.Next(users.Count)].Id;
            requests.Add((HttpMethod.Put, $"/__simulator/console/api/v1/groups/{id}/users/{joiner}", null));
            if (members.Count > 0) requests.Add((HttpMethod.Delete, $"/__simulator/console/api/v1/groups/{id}/users/{members[random.Next(members.Count)]}", null));
        }

        using var http = new HttpClient { BaseAddress = simulator.BaseUrl, Timeout = TimeSpan.FromMinutes(5) };
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(requests.Select(async change =>
        {
            await gate.WaitAsync().ConfigureAwait(false);
            try
            {
                using var request = new HttpRequestMessage(change.Method, change.Path)
                {
                    Content = new StringContent(change.Body ?? "", Encoding.UTF8, "application/json"),
                };
                using var response = await http.SendAsync(request).ConfigureAwait(false);
                if ((int)response.StatusCode >= 500) throw new InvalidOperationException($"{change.Method} {change.Path} answered {(int)response.StatusCode}.");
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return (changedUsers.Count, changedGroups.Count);
    }
}
