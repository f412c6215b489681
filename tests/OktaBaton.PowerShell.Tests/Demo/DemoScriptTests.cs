using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Demo;

/// <summary>src/OktaBaton.Demo/demo.ps1 — what `dotnet run --project src/OktaBaton.Demo` runs — tells the truth about the org.</summary>
public sealed class DemoScriptTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>
{
    [Fact]
    public async Task TheDemoListsEverySuperAdminDirectOrThroughAGroupAndLeavesNoToken()
    {
        var path = Path.Combine(Path.GetTempPath(), "oktabaton-demo-" + Guid.NewGuid().ToString("N") + ".json");
        using var state = await org.StateAsync();
        var expected = SuperAdminLines(state.RootElement);

        using var session = new ModuleSession();
        var run = session.Run(
            "& $script -Domain $domain -ApiToken $token -Path $path",
            new Dictionary<string, object?>
            {
                ["script"] = Path.Combine(RepoPaths.Root, "src", "OktaBaton.Demo", "demo.ps1"),
                ["domain"] = org.Domain,
                ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken),
                ["path"] = path,
            });
        try
        {
            run.AssertNoErrors();
            var lines = run.Output.Select(o => o.ToString()).ToList();
            var start = lines.IndexOf("Who holds SUPER_ADMIN, directly or through a group:");
            Assert.True(start >= 0, string.Join("\n", lines));
            var listed = lines.Skip(start + 1).TakeWhile(l => l.Length > 0).Select(l => System.Text.RegularExpressions.Regex.Replace(l.Trim(), @"\s+", " ")).Order().ToList();

            Assert.Equal(expected, listed);
            Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, run.AllText(), StringComparison.Ordinal);
            Assert.DoesNotContain(SimulatedOrg.SuperAdminToken, File.ReadAllText(path), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>One line per user: "login directly", "login through group 'X'" or "login directly and through group 'X'".</summary>
    private static List<string> SuperAdminLines(JsonElement state)
    {
        var users = state.GetProperty("users").EnumerateArray().ToDictionary(u => u.GetProperty("id").GetString()!, u => u.GetProperty("profile").GetProperty("login").GetString()!);
        var groups = state.GetProperty("groups").EnumerateArray().ToDictionary(g => g.GetProperty("id").GetString()!);
        static bool ActiveSuperAdmin(JsonElement role) => role.GetProperty("type").GetString() == "SUPER_ADMIN" && role.GetProperty("status").GetString() == "ACTIVE";

        var direct = state.GetProperty("userRoles").EnumerateArray().Where(ActiveSuperAdmin).Select(r => r.GetProperty("userId").GetString()!).ToHashSet();
        var through = new Dictionary<string, List<string>>();
        foreach (var role in state.GetProperty("groupRoles").EnumerateArray().Where(ActiveSuperAdmin))
        {
            var group = groups[role.GetProperty("groupId").GetString()!];
            foreach (var member in group.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!))
            {
                if (!through.TryGetValue(member, out var names)) through[member] = names = new List<string>();
                names.Add("'" + group.GetProperty("profile").GetProperty("name").GetString() + "'");
            }
        }
        var lines = direct.Union(through.Keys).Select(user =>
        {
            var via = through.TryGetValue(user, out var names) ? (names.Count == 1 ? "group " : "groups ") + string.Join(", ", names) : null;
            return users[user] + " " + (direct.Contains(user) ? (via is null ? "directly" : "directly and through " + via) : "through " + via);
        }).ToList();

        Assert.NotEmpty(lines);
        Assert.Contains(lines, l => l.Contains("directly and through", StringComparison.Ordinal));
        return lines.Order().ToList();
    }
}
