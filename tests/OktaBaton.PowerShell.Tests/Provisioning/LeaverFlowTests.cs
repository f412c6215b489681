using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Provisioning;

/// <summary>
/// examples/Invoke-LeaverOffboarding.ps1 end to end: from a sync file, every grant revoked (memberships first, so what
/// came through groups goes with them), the user deactivated, and a re-sync with nothing left — checked against the
/// simulator's own state, not only against what the script reports.
/// </summary>
public sealed class LeaverFlowTests : IDisposable
{
    private static readonly string Script = Path.Combine(RepoPaths.Root, "examples", "Invoke-LeaverOffboarding.ps1");
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-leaver-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private PowerShellRun Offboard(ProvisioningOrg org, string login, string extra = "-Confirm:$false") =>
        org.Run($"& $script -Login '{login}' -SyncPath $sync -VerifyPath $verify {extra}", new Dictionary<string, object?>
        {
            ["script"] = Script,
            ["sync"] = Path.Combine(_dir, "before.json"),
            ["verify"] = Path.Combine(_dir, "after.json"),
        });

    private static IEnumerable<string> AccessOf(JsonElement state, string userId)
    {
        foreach (var group in state.GetProperty("groups").EnumerateArray())
        {
            if (group.GetProperty("memberIds").EnumerateArray().Any(m => m.GetString() == userId)) yield return "group " + group.GetProperty("profile").GetProperty("name").GetString();
        }
        foreach (var app in state.GetProperty("apps").EnumerateArray())
        {
            if (app.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("userId").GetString() == userId)) yield return "app " + app.GetProperty("label").GetString();
        }
        foreach (var role in state.GetProperty("userRoles").EnumerateArray())
        {
            if (role.GetProperty("userId").GetString() == userId) yield return "role " + role.GetProperty("type").GetString();
        }
    }

    [Fact]
    public async Task ALeaverLosesEveryGrantIsDeactivatedAndTheResyncShowsNothingLeft()
    {
        await using var org = await StartAsync();
        var alice = await org.UserIdAsync("alice.anderson@acme.example");
        Assert.NotEmpty(AccessOf(await org.StateAsync(), alice));

        var run = Offboard(org, "alice.anderson@acme.example");

        run.AssertNoErrors();
        var report = run.Output.Last();
        Assert.Equal("DEPROVISIONED", Prop(report, "Status"));
        Assert.Empty((object[])Prop(report, "RemainingGrants")!);
        Assert.True((int)Prop(report, "Revoked")! >= 7);
        // alice held Slack and Zoom through Engineering and Okta Admins, and SUPER_ADMIN through Okta Admins
        var through = ((object[])Prop(report, "ThroughGroups")!).Select(g => ((PSObject)g).Properties["EntitlementId"].Value.ToString()).ToList();
        Assert.Contains("role:SUPER_ADMIN:assigned", through);
        Assert.Contains($"app:{await org.AppIdAsync("Zoom")}:access", through);
        var state = await org.StateAsync();
        Assert.Empty(AccessOf(state, alice));
        Assert.Equal("DEPROVISIONED", (await org.UserAsync(alice)).GetProperty("status").GetString());
        // the same user is still in the verifying sync, with no grant to it or through its groups
        var check = org.Run("Get-OktaSyncGrant -Path $p -PrincipalId $u -Expand", new Dictionary<string, object?> { ["p"] = Path.Combine(_dir, "after.json"), ["u"] = alice });
        check.AssertNoErrors();
        Assert.Empty(check.Output);
    }

    [Fact]
    public async Task AccessOktaCannotRevokeIsReportedAsRemainingNeverAsDone()
    {
        await using var org = await StartAsync();
        var maya = await org.UserIdAsync("maya.miller@acme.example");

        var run = Offboard(org, "maya.miller@acme.example");

        var error = run.SingleError();
        Assert.Equal("LeaverAccessRemains", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidResult, error.CategoryInfo.Category);
        Assert.Contains("Salesforce Imported Users", string.Join(" ", AccessOf(await org.StateAsync(), maya)));
        // the APP_GROUP membership Okta will not remove, and Salesforce, which that group is assigned
        var remaining = (object[])Prop(run.Output.Last(), "RemainingGrants")!;
        var imported = await org.GroupIdAsync("Salesforce Imported Users");
        Assert.Equal(new[] { $"app:{await org.AppIdAsync("Salesforce")}:access", $"group:{imported}:member" }.Order(),
            remaining.Select(g => ((PSObject)g).Properties["EntitlementId"].Value.ToString()).Order());
        Assert.Equal("DEPROVISIONED", (await org.UserAsync(maya)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task WhatIfRevokesAndDeactivatesNothing()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var run = Offboard(org, "alice.anderson@acme.example", "-WhatIf");

        run.AssertNoErrors();
        Assert.Equal(before, await org.StateTextAsync());
        Assert.Equal(0, org.Writes());
    }
}
