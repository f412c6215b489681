using System.Net;
using System.Text.Json;
using Xunit;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>
/// The simulator's user lifecycle against Okta's rules, written here from the spec's User Lifecycle operations
/// ("Perform this operation only on users with … status") and docs/okta-api.md's error codes: every operation
/// from every status, with the state read back after each.
/// </summary>
public sealed class LifecycleTests
{
    /// <summary>One demo user per Okta status.</summary>
    private static readonly (string Status, string Login)[] UserPerStatus = Provisioning.DemoUsers.OnePerStatus;

    private const string NotAllowed = "403 E0000038";

    /// <summary>Operation → status → "200 NEWSTATUS" or "CODE ERRORCODE" (state unchanged).</summary>
    public static TheoryData<string, string[]> Matrix() => new()
    {
        // STAGED, PROVISIONED, ACTIVE, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED, SUSPENDED, DEPROVISIONED
        { "activate", new[] { "200 PROVISIONED", NotAllowed, "403 E0000016", NotAllowed, NotAllowed, NotAllowed, NotAllowed, "200 PROVISIONED" } },
        { "deactivate", new[] { "200 DEPROVISIONED", "200 DEPROVISIONED", "200 DEPROVISIONED", "200 DEPROVISIONED", "200 DEPROVISIONED", "200 DEPROVISIONED", "200 DEPROVISIONED", "404 E0000007" } },
        { "suspend", new[] { "400 E0000001", "400 E0000001", "200 SUSPENDED", "400 E0000001", "400 E0000001", "400 E0000001", "400 E0000001", "400 E0000001" } },
        { "unsuspend", new[] { "400 E0000001", "400 E0000001", "400 E0000001", "400 E0000001", "400 E0000001", "400 E0000001", "200 ACTIVE", "400 E0000001" } },
        { "reactivate", new[] { NotAllowed, "200 PROVISIONED", NotAllowed, "200 PROVISIONED", NotAllowed, NotAllowed, NotAllowed, NotAllowed } },
        { "unlock", new[] { NotAllowed, NotAllowed, "200 ACTIVE", NotAllowed, "200 ACTIVE", NotAllowed, NotAllowed, NotAllowed } },
        { "expire_password", new[] { NotAllowed, NotAllowed, "200 PASSWORD_EXPIRED", NotAllowed, NotAllowed, "200 PASSWORD_EXPIRED", NotAllowed, NotAllowed } },
        { "reset_factors", new[] { "200 STAGED", "200 PROVISIONED", "200 ACTIVE", "200 RECOVERY", "200 LOCKED_OUT", "200 PASSWORD_EXPIRED", "200 SUSPENDED", NotAllowed } },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Every_operation_from_every_status_answers_as_okta(string operation, string[] expected)
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        for (var i = 0; i < UserPerStatus.Length; i++)
        {
            var (status, login) = UserPerStatus[i];
            var id = await sim.UserIdAsync(login);
            Assert.Equal(status, (await UserAsync(sim, id)).GetProperty("status").GetString());

            using var response = await client.PostAsync($"/api/v1/users/{id}/lifecycle/{operation}", null);

            var parts = expected[i].Split(' ');
            var because = $"{operation} from {status}";
            Assert.True(int.Parse(parts[0]) == (int)response.StatusCode, $"{because}: HTTP {(int)response.StatusCode}");
            var after = (await UserAsync(sim, id)).GetProperty("status").GetString();
            if (response.IsSuccessStatusCode)
            {
                Assert.True(parts[1] == after, $"{because}: now {after}");
            }
            else
            {
                Assert.True(parts[1] == await response.ErrorCodeAsync(), because);
                Assert.True(status == after, $"{because}: refused but now {after}");
            }
        }
    }

    [Fact]
    public async Task Deleting_deactivates_any_status_first_and_deletes_a_deactivated_user()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        foreach (var (status, login) in UserPerStatus)
        {
            var id = await sim.UserIdAsync(login);
            using var response = await client.DeleteAsync($"/api/v1/users/{id}");

            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
            var user = await FindUserAsync(sim, id);
            if (status == "DEPROVISIONED")
            {
                Assert.Null(user);
            }
            else
            {
                Assert.Equal("DEPROVISIONED", user!.Value.GetProperty("status").GetString());
            }
        }
    }

    [Fact]
    public async Task Deactivation_removes_active_app_assignments_and_the_password_but_keeps_groups_and_inactive_apps()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var bob = await sim.UserIdAsync("bob.brown@acme.example");
        var before = await sim.StateAsync();
        Assert.Contains(AppsOf(before, bob), a => a == "Legacy Intranet");
        Assert.Contains(AppsOf(before, bob), a => a == "GitHub Enterprise");
        Assert.Contains(AppsOf(before, bob), a => a == "Slack");

        using var deactivate = await sim.Client().PostAsync($"/api/v1/users/{bob}/lifecycle/deactivate", null);

        Assert.Equal(HttpStatusCode.OK, deactivate.StatusCode);
        var after = await sim.StateAsync();
        Assert.Equal(new[] { "Legacy Intranet" }, AppsOf(after, bob));
        Assert.Equal(GroupsOf(before, bob).Where(g => g != "Everyone"), GroupsOf(after, bob));
        var user = after.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == bob);
        Assert.False(user.GetProperty("hasPassword").GetBoolean());
        Assert.Equal(0, user.GetProperty("factors").GetArrayLength());
    }

    [Fact]
    public async Task Reactivating_a_deactivated_user_needs_activation_and_restores_only_group_apps()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var alice = await sim.UserIdAsync("alice.anderson@acme.example");
        using var deactivate = await client.PostAsync($"/api/v1/users/{alice}/lifecycle/deactivate", null);
        Assert.Empty(AppsOf(await sim.StateAsync(), alice));

        using var activate = await client.PostAsync($"/api/v1/users/{alice}/lifecycle/activate?sendEmail=false", null);

        Assert.Equal(HttpStatusCode.OK, activate.StatusCode);
        Assert.StartsWith("http", (await activate.JsonAsync()).GetProperty("activationUrl").GetString());
        var state = await sim.StateAsync();
        Assert.Equal("PROVISIONED", state.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == alice).GetProperty("status").GetString());
        // Engineering → Slack and Okta Admins → Zoom come back through the groups; the direct GitHub assignment does not
        Assert.Equal(new[] { "Slack", "Zoom" }, AppsOf(state, alice));
        var slack = state.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("label").GetString() == "Slack");
        Assert.Equal("GROUP", slack.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("userId").GetString() == alice).GetProperty("scope").GetString());
    }

    [Fact]
    public async Task A_deactivated_user_gains_no_app_through_a_group_it_joins()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var erin = await sim.UserIdAsync("erin.evans@acme.example");
        var sales = await sim.GroupIdAsync("Sales");

        using var put = await sim.Client().PutAsync($"/api/v1/groups/{sales}/users/{erin}", null);

        Assert.Equal(HttpStatusCode.NoContent, put.StatusCode);
        var state = await sim.StateAsync();
        Assert.Contains("Sales", GroupsOf(state, erin));
        Assert.Empty(AppsOf(state, erin));
    }

    [Fact]
    public async Task Factors_are_listed_and_reset_clears_them()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        var alice = await sim.UserIdAsync("alice.anderson@acme.example");
        using var single = await client.GetAsync($"/api/v1/users/{alice}");
        Assert.True((await single.JsonAsync()).GetProperty("_links").TryGetProperty("resetFactors", out _));

        using var factors = await client.GetAsync($"/api/v1/users/{alice}/factors");
        Assert.Equal(new[] { "push", "token:software:totp" }, (await factors.JsonAsync()).EnumerateArray().Select(f => f.GetProperty("factorType").GetString()));
        using var reset = await client.PostAsync($"/api/v1/users/{alice}/lifecycle/reset_factors", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        using var none = await client.GetAsync($"/api/v1/users/{alice}/factors");
        Assert.Equal(0, (await none.JsonAsync()).GetArrayLength());
        using var again = await client.GetAsync($"/api/v1/users/{alice}");
        Assert.False((await again.JsonAsync()).GetProperty("_links").TryGetProperty("resetFactors", out _));
        Assert.Equal("ACTIVE", (await UserAsync(sim, alice)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_single_user_carries_the_lifecycle_links_its_status_allows_and_a_list_none()
    {
        await using var sim = await SimulatorFixture.StartAsync();
        var client = sim.Client();
        async Task<string[]> LinksAsync(string login)
        {
            using var response = await client.GetAsync($"/api/v1/users/{Uri.EscapeDataString(login)}");
            return (await response.JsonAsync()).GetProperty("_links").EnumerateObject().Select(p => p.Name)
                .Where(n => n is "activate" or "reactivate" or "suspend" or "unsuspend" or "unlock" or "expirePassword" or "deactivate").ToArray();
        }

        Assert.Equal(new[] { "activate" }, await LinksAsync("erin.evans@acme.example"));
        Assert.Equal(new[] { "suspend", "unlock", "expirePassword", "deactivate" }, await LinksAsync("alice.anderson@acme.example"));
        Assert.Equal(new[] { "unsuspend", "deactivate" }, await LinksAsync("dave.davis@acme.example"));
        Assert.Equal(new[] { "unlock", "deactivate" }, await LinksAsync("frank.fischer@acme.example"));
        using var list = await client.GetAsync("/api/v1/users?limit=5");
        Assert.All((await list.JsonAsync()).EnumerateArray(), u => Assert.False(u.GetProperty("_links").TryGetProperty("deactivate", out _)));
    }

    private static async Task<JsonElement> UserAsync(SimulatorFixture sim, string id) =>
        (await FindUserAsync(sim, id)) ?? throw new Xunit.Sdk.XunitException($"user {id} is gone");

    private static async Task<JsonElement?> FindUserAsync(SimulatorFixture sim, string id)
    {
        foreach (var user in (await sim.StateAsync()).GetProperty("users").EnumerateArray())
        {
            if (user.GetProperty("id").GetString() == id)
            {
                return user;
            }
        }
        return null;
    }

    private static string[] AppsOf(JsonElement state, string userId) =>
        state.GetProperty("apps").EnumerateArray()
            .Where(a => a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("userId").GetString() == userId))
            .Select(a => a.GetProperty("label").GetString()!).Order(StringComparer.Ordinal).ToArray();

    private static string[] GroupsOf(JsonElement state, string userId) =>
        state.GetProperty("groups").EnumerateArray()
            .Where(g => g.GetProperty("memberIds").EnumerateArray().Any(m => m.GetString() == userId))
            .Select(g => g.GetProperty("profile").GetProperty("name").GetString()!).Order(StringComparer.Ordinal).ToArray();
}
