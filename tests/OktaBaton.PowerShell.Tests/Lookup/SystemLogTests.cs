using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Lookup;

/// <summary>Every change the module can make shows up in Get-OktaLog with Okta's event type; -Follow polls for new events.</summary>
public sealed class SystemLogTests
{
    /// <summary>One change per provisioning cmdlet, the event type Okta's catalogue gives it, and the target it names.</summary>
    public static TheoryData<string, string, string> Changes() => new()
    {
        { "Grant-OktaGroupMembership -GroupId $phoenix -UserId noah.nguyen@acme.example", "group.user_membership.add", "noah.nguyen@acme.example" },
        { "Revoke-OktaGroupMembership -GroupId $sales -UserId maya.miller@acme.example", "group.user_membership.remove", "maya.miller@acme.example" },
        { "Grant-OktaAppAssignment -AppId $zoom -UserId noah.nguyen@acme.example", "application.user_membership.add", "noah.nguyen@acme.example" },
        { "Revoke-OktaAppAssignment -AppId $salesforce -UserId carol.chen@acme.example", "application.user_membership.remove", "carol.chen@acme.example" },
        { "Grant-OktaAppAssignment -AppId $zoom -GroupId $phoenix", "group.application_assignment.add", "Project Phoenix" },
        { "Revoke-OktaAppAssignment -AppId $salesforce -GroupId $sales", "group.application_assignment.remove", "Sales" },
        { "Grant-OktaRole -RoleType REPORT_ADMIN -UserId noah.nguyen@acme.example", "user.account.privilege.grant", "noah.nguyen@acme.example" },
        { "Revoke-OktaRole -RoleType SUPER_ADMIN -UserId break.glass@acme.example", "user.account.privilege.revoke", "break.glass@acme.example" },
        { "Grant-OktaRole -RoleType REPORT_ADMIN -GroupId $sales", "group.privilege.grant", "Sales" },
        { "Grant-OktaRole -CustomRoleId $auditor -ResourceSetId $contractorApps -UserId tara.tran@contractors.example", "iam.resourceset.bindings.add", "tara.tran@contractors.example" },
        { "Grant-OktaEntitlement -EntitlementId \"group:$($phoenix):member\" -PrincipalType user -PrincipalId $noah", "group.user_membership.add", "noah.nguyen@acme.example" },
        { "New-OktaUser -FirstName Ana -LastName Silva -Email ana.silva@acme.example -Staged", "user.lifecycle.create", "ana.silva@acme.example" },
        { "Enable-OktaUser -UserId dave.davis@acme.example", "user.lifecycle.unsuspend", "dave.davis@acme.example" },
        { "Disable-OktaUser -UserId noah.nguyen@acme.example", "user.lifecycle.suspend", "noah.nguyen@acme.example" },
        { "Remove-OktaUser -UserId noah.nguyen@acme.example -Force", "user.lifecycle.deactivate", "noah.nguyen@acme.example" },
        { "Restore-OktaUser -UserId erin.evans@acme.example", "user.lifecycle.activate", "erin.evans@acme.example" },
        { "Unlock-OktaUser -UserId frank.fischer@acme.example", "user.account.unlock_by_admin", "frank.fischer@acme.example" },
        { "Request-OktaPasswordChange -UserId noah.nguyen@acme.example", "user.account.expire_password", "noah.nguyen@acme.example" },
        { "Reset-OktaUserFactor -UserId alice.anderson@acme.example", "user.mfa.factor.reset_all", "alice.anderson@acme.example" },
        { "Set-OktaUser -UserId liam.lopez@acme.example -Title 'QA Lead'", "user.account.update_profile", "liam.lopez@acme.example" },
        { "New-OktaGroup -Name Auditors -Description Reviewers", "group.lifecycle.create", "Auditors" },
        { "Set-OktaGroup -GroupId $phoenix -Name 'Phoenix Core'", "group.profile.update", "Phoenix Core" },
        { "Remove-OktaGroup -GroupId $phoenix", "group.lifecycle.delete", "Project Phoenix" },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task EveryChangeTheModuleMakesIsInTheLogWithOktasEventType(string change, string eventType, string target)
    {
        await using var org = await StartAsync();
        var state = await org.StateAsync();
        var set = state.GetProperty("resourceSets").EnumerateArray().First(s => s.GetProperty("label").GetString() == "Contractor Apps");
        var variables = new Dictionary<string, object?>
        {
            ["phoenix"] = await org.GroupIdAsync("Project Phoenix"),
            ["sales"] = await org.GroupIdAsync("Sales"),
            ["zoom"] = await org.AppIdAsync("Zoom"),
            ["salesforce"] = await org.AppIdAsync("Salesforce"),
            ["noah"] = await org.UserIdAsync("noah.nguyen@acme.example"),
            ["contractorApps"] = set.GetProperty("id").GetString(),
            ["auditor"] = set.GetProperty("bindings")[0].GetProperty("roleId").GetString(),
        };
        var made = org.Run(change + " -Confirm:$false", variables);
        made.AssertNoErrors();

        var log = org.Run("Get-OktaLog -Since ([datetime]::Now).AddMinutes(-5)");
        log.AssertNoErrors();
        var matching = log.Output.Where(e => (string?)Prop(e, "EventType") == eventType).ToList();
        Assert.True(matching.Count > 0, $"{change}: no {eventType} in {string.Join(", ", log.Output.Select(e => Prop(e, "EventType")))}");
        var targets = matching.SelectMany(e => ((System.Collections.IEnumerable)Prop(e, "Target")!).Cast<object>()).Select(t => t.ToString()).ToList();
        Assert.Contains(targets, t => t!.Contains(target, StringComparison.Ordinal));
        Assert.All(matching, e => Assert.Equal("okta.admin@acme.example", Prop(e, "Actor")));
    }

    [Fact]
    public async Task ReadsAWindowOldestOrNewestFirstFilteredByTypeAndKeyword()
    {
        await using var org = await StartAsync();
        org.Run("Grant-OktaGroupMembership -GroupId $g -UserId noah.nguyen@acme.example; Revoke-OktaGroupMembership -GroupId $g -UserId noah.nguyen@acme.example; Grant-OktaGroupMembership -GroupId $g -UserId liam.lopez@acme.example",
            new Dictionary<string, object?> { ["g"] = await org.GroupIdAsync("Project Phoenix") }).AssertNoErrors();

        var oldest = org.Run("Get-OktaLog -EventType group.user_membership.add");
        Assert.Equal(2, oldest.Output.Count);
        var newest = org.Run("Get-OktaLog -Descending -First 1");
        Assert.Equal("group.user_membership.add", Prop(Assert.Single(newest.Output), "EventType"));
        Assert.Contains("liam.lopez", Assert.Single(newest.Output).ToString());
        var noah = org.Run("Get-OktaLog -Query 'noah nguyen'");
        Assert.Equal(["group.user_membership.add", "group.user_membership.remove"], noah.Output.Select(e => (string?)Prop(e, "EventType")));
        var nothing = org.Run("Get-OktaLog -Until ([datetime]::Now).AddHours(-1)");
        nothing.AssertNoErrors();
        Assert.Empty(nothing.Output);

        var bad = org.Run("Get-OktaLog -Since ([datetime]::Now) -Until ([datetime]::Now).AddHours(-1)");
        Assert.Equal("OktaInvalidArgument", ErrorId(bad.SingleError()));
        var followUntil = org.Run("Get-OktaLog -Follow -Until ([datetime]::Now)");
        Assert.Equal("OktaInvalidArgument", ErrorId(followUntil.SingleError()));
    }

    [Fact]
    public async Task FollowPollsFromTheOrgsNowAndReturnsChangesMadeLater()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var noah = await org.UserIdAsync("noah.nguyen@acme.example");
        // An event from before the follow starts must not be reported.
        org.Run("Grant-OktaGroupMembership -GroupId $g -UserId liam.lopez@acme.example", new Dictionary<string, object?> { ["g"] = phoenix }).AssertNoErrors();
        await Task.Delay(1100);

        var following = Task.Run(() => org.Run("Get-OktaLog -Follow -PollIntervalSeconds 1 -EventType group.user_membership.add -First 1"));
        while (org.Requests("GET /api/v1/logs") < 2)
        {
            await Task.Delay(100);
        }

        using (var console = new HttpClient { BaseAddress = org.Org.Host.BaseUrl })
        using (var add = await console.PutAsync($"/__simulator/console/api/v1/groups/{phoenix}/users/{noah}", new StringContent("")))
        {
            Assert.True(add.IsSuccessStatusCode);
        }

        var run = await following;
        run.AssertNoErrors();
        var e = Assert.Single(run.Output);
        Assert.Contains("noah.nguyen@acme.example", e.ToString());
        Assert.Contains("Chrome", (string?)Prop(e, "UserAgent"));
        Assert.Equal("okta.admin@acme.example", Prop(e, "Actor"));
    }
}
