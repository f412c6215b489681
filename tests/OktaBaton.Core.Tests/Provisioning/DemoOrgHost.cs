using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Tests.Okta;
using OktaBaton.Simulator;

namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>A private demo org for engine tests that change it: a super-admin token, and the org's truth from its state.</summary>
internal static class DemoOrgHost
{
    public const string Token = "00provisioningEngineTestToken-1b2c";

    public static async Task<SimulatorHost> StartAsync()
    {
        var options = new SimulatorOptions { Org = "demo" };
        options.Tokens.Add(new SimulatorToken(Token, "super-admin"));
        return await SimulatorHost.StartAsync(options);
    }

    public static OktaClient Client(SimulatorHost host) => TestClients.For(host.BaseUrl.GetLeftPart(UriPartial.Authority), Token);

    public static async Task<JsonElement> StateAsync(SimulatorHost host)
    {
        using var http = new HttpClient { BaseAddress = host.BaseUrl };
        using var doc = JsonDocument.Parse(await http.GetStringAsync("/__simulator/state"));
        return doc.RootElement.Clone();
    }

    public static async Task<string> UserIdAsync(SimulatorHost host, string login) =>
        (await StateAsync(host)).GetProperty("users").EnumerateArray()
            .First(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;

    /// <summary>The user as the simulator holds it, or null once deleted.</summary>
    public static async Task<JsonElement?> UserAsync(SimulatorHost host, string id)
    {
        foreach (var user in (await StateAsync(host)).GetProperty("users").EnumerateArray())
        {
            if (user.GetProperty("id").GetString() == id)
            {
                return user;
            }
        }
        return null;
    }

    /// <summary>Requests served for one "METHOD /route/{template}".</summary>
    public static long Route(SimulatorHost host, string route) => host.GetStats().ByRoute.TryGetValue(route, out var n) ? n : 0;

    /// <summary>Requests that were not GETs.</summary>
    public static long Writes(SimulatorHost host) => host.GetStats().ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value);
}

/// <summary>The demo org's users, one per Okta status, in lifecycle order.</summary>
internal static class DemoUsers
{
    public static readonly (string Status, string Login)[] OnePerStatus =
    {
        ("STAGED", "jack.jones@acme.example"),
        ("PROVISIONED", "henry.hughes@acme.example"),
        ("ACTIVE", "alice.anderson@acme.example"),
        ("RECOVERY", "iris.ito@acme.example"),
        ("LOCKED_OUT", "frank.fischer@acme.example"),
        ("PASSWORD_EXPIRED", "grace.garcia@acme.example"),
        ("SUSPENDED", "dave.davis@acme.example"),
        ("DEPROVISIONED", "erin.evans@acme.example"),
    };
}
