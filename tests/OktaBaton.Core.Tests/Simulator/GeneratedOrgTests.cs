using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

public sealed class GeneratedOrgTests
{
    private static async Task<JsonElement> StateOfAsync(int users, int groups, int apps, int seed, double membershipScale = 1.0)
    {
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.Org = "generated";
            o.Users = users;
            o.Groups = groups;
            o.Apps = apps;
            o.Seed = seed;
            o.MembershipScale = membershipScale;
        });
        return await sim.StateAsync();
    }

    private static string WithoutBaseUrl(JsonElement state)
    {
        var text = state.GetRawText();
        var baseUrl = state.GetProperty("baseUrl").GetString()!;
        return text.Replace(baseUrl, "BASE", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Same_seed_gives_the_same_org_and_another_seed_a_different_one()
    {
        var first = await StateOfAsync(2000, 120, 12, seed: 7);
        var again = await StateOfAsync(2000, 120, 12, seed: 7);
        var other = await StateOfAsync(2000, 120, 12, seed: 8);
        Assert.Equal(WithoutBaseUrl(first), WithoutBaseUrl(again));
        Assert.NotEqual(WithoutBaseUrl(first), WithoutBaseUrl(other));
    }

    [Fact]
    public async Task A_larger_membership_scale_gives_the_same_users_and_groups_with_more_members()
    {
        static long Memberships(JsonElement state) => state.GetProperty("groups").EnumerateArray().Sum(g => (long)g.GetProperty("memberIds").GetArrayLength());
        static int Count(JsonElement state, string list) => state.GetProperty(list).GetArrayLength();

        var usual = await StateOfAsync(2000, 120, 12, seed: 7);
        var doubled = await StateOfAsync(2000, 120, 12, seed: 7, membershipScale: 2);

        Assert.Equal(Count(usual, "users"), Count(doubled, "users"));
        Assert.Equal(Count(usual, "groups"), Count(doubled, "groups"));
        var ratio = (double)Memberships(doubled) / Memberships(usual);
        Assert.InRange(ratio, 1.4, 2.2); // the largest groups are capped at every user
    }

    [Fact]
    public async Task Generated_org_has_the_requested_size_and_realistic_shape()
    {
        var state = await StateOfAsync(3000, 200, 15, seed: 3);
        var users = state.GetProperty("users").EnumerateArray().ToList();
        Assert.Equal(3000, users.Count);
        Assert.Equal(200, state.GetProperty("groups").GetArrayLength());
        Assert.Equal(15, state.GetProperty("apps").GetArrayLength());
        Assert.Equal(users.Count, users.Select(u => u.GetProperty("id").GetString()).Distinct().Count());

        var statuses = users.GroupBy(u => u.GetProperty("status").GetString()!).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(statuses["ACTIVE"] > users.Count * 0.8);
        Assert.True(statuses.ContainsKey("DEPROVISIONED"));
        Assert.True(statuses.Count >= 5);

        var sizes = state.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("type").GetString() != "BUILT_IN")
            .Select(g => g.GetProperty("memberIds").GetArrayLength()).Order().ToList();
        var median = sizes[sizes.Count / 2];
        Assert.Contains(0, sizes);
        Assert.True(sizes[^1] > 10 * Math.Max(1, median), $"largest {sizes[^1]} vs median {median}");

        var admins = state.GetProperty("userRoles").EnumerateArray().Select(r => r.GetProperty("userId").GetString()).Distinct().Count();
        Assert.InRange(admins, 5, 100);
        Assert.Contains(state.GetProperty("apps").EnumerateArray(), a => a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("scope").GetString() == "GROUP"));
    }

    [Fact]
    public async Task Generated_org_pages_like_the_demo_org()
    {
        await using var sim = await SimulatorFixture.StartAsync(o =>
        {
            o.Org = "generated";
            o.Users = 1500;
            o.Groups = 50;
            o.Apps = 5;
        });
        var client = sim.Client();
        var seen = new HashSet<string>();
        string? url = "/api/v1/users?search=status%20pr&limit=200";
        while (url is not null)
        {
            using var response = await client.GetAsync(url);
            foreach (var user in (await response.JsonAsync()).EnumerateArray())
            {
                Assert.True(seen.Add(user.GetProperty("id").GetString()!));
            }
            url = response.Link("next");
        }
        Assert.Equal(1500, seen.Count);
    }
}
