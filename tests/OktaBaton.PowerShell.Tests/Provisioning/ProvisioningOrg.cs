using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Provisioning;

/// <summary>
/// A private simulated org (tests change it) and a runspace connected to it with one token profile.
/// Ids are looked up in the simulator's own state, never through the module.
/// </summary>
public sealed class ProvisioningOrg : IAsyncDisposable
{
    private ProvisioningOrg(SimulatedOrg org, ModuleSession session)
    {
        Org = org;
        Session = session;
    }

    public SimulatedOrg Org { get; }

    public ModuleSession Session { get; }

    public static async Task<ProvisioningOrg> StartAsync(string token = SimulatedOrg.SuperAdminToken)
    {
        var org = await SimulatedOrg.StartAsync();
        var session = new ModuleSession();
        var connect = session.Run(
            "Connect-Okta -Domain $domain -ApiToken $token",
            new Dictionary<string, object?> { ["domain"] = org.Host.BaseUrl.GetLeftPart(UriPartial.Authority), ["token"] = SimulatedOrg.Secure(token) });
        connect.AssertNoErrors();
        return new ProvisioningOrg(org, session);
    }

    public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null) => Session.Run(script, variables);

    /// <summary>The org's state as raw JSON text, for before/after equality.</summary>
    public async Task<string> StateTextAsync()
    {
        using var state = await Org.StateAsync();
        return state.RootElement.GetRawText();
    }

    public async Task<JsonElement> StateAsync()
    {
        using var state = await Org.StateAsync();
        return state.RootElement.Clone();
    }

    public async Task<string> UserIdAsync(string login) =>
        Find(await StateAsync(), "users", u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;

    public async Task<string> GroupIdAsync(string name) =>
        Find(await StateAsync(), "groups", g => g.GetProperty("profile").GetProperty("name").GetString() == name).GetProperty("id").GetString()!;

    public async Task<string> AppIdAsync(string label) =>
        Find(await StateAsync(), "apps", a => a.GetProperty("label").GetString() == label).GetProperty("id").GetString()!;

    public async Task<JsonElement> UserAsync(string id) => Find(await StateAsync(), "users", u => u.GetProperty("id").GetString() == id);

    public async Task<JsonElement?> GroupAsync(string id)
    {
        var state = await StateAsync();
        foreach (var group in state.GetProperty("groups").EnumerateArray())
        {
            if (group.GetProperty("id").GetString() == id)
            {
                return group;
            }
        }

        return null;
    }

    public async Task<IReadOnlyList<string>> MemberIdsAsync(string groupId) =>
        (await GroupAsync(groupId))!.Value.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToList();

    /// <summary>Requests served for one "METHOD /route/{template}" since the org started.</summary>
    public long Requests(string route) => Org.Host.GetStats().ByRoute.TryGetValue(route, out var count) ? count : 0;

    public long Writes() => Org.Host.GetStats().ByRoute.Where(r => !r.Key.StartsWith("GET ", StringComparison.Ordinal)).Sum(r => r.Value);

    public static object? Prop(PSObject item, string name) => item.Properties[name]?.Value;

    public static string Outcome(PSObject item) => Prop(item, "Outcome")!.ToString()!;

    public static string ErrorId(ErrorRecord error) => error.FullyQualifiedErrorId.Split(',')[0];

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Org.DisposeAsync();
    }

    private static JsonElement Find(JsonElement state, string collection, Func<JsonElement, bool> match) =>
        state.GetProperty(collection).EnumerateArray().First(match);
}
