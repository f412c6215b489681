using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Lookup;

/// <summary>The live-read cmdlets in a hosted runspace against the simulator; expectations come from /__simulator/state.</summary>
public sealed class LookupTests
{
    private static IEnumerable<JsonElement> Users(JsonElement state) => state.GetProperty("users").EnumerateArray();

    private static string? ProfileText(JsonElement user, string name) =>
        user.GetProperty("profile").TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [Fact]
    public async Task GetOktaUserReadsOneByLoginAndEveryPageOfAList()
    {
        await using var org = await StartAsync();
        var state = await org.StateAsync();
        var alice = org.Run("Get-OktaUser alice.anderson@acme.example");
        alice.AssertNoErrors();
        var record = Assert.Single(alice.Output);
        Assert.Equal(await org.UserIdAsync("alice.anderson@acme.example"), Prop(record, "Id"));
        Assert.Equal("ACTIVE", Prop(record, "Status"));
        Assert.Equal("Engineering", ((System.Collections.IDictionary)Prop(record, "Profile")!)["department"]);

        var all = org.Run("Get-OktaUser");
        all.AssertNoErrors();
        var expected = Users(state).Where(u => u.GetProperty("status").GetString() != "DEPROVISIONED").Select(u => u.GetProperty("id").GetString()).ToList();
        Assert.True(expected.Count > 200, "the demo org has more than one page of users");
        Assert.Equal(expected, all.Output.Select(u => (string?)Prop(u, "Id")).ToList());
        Assert.Equal(2, org.Requests("GET /api/v1/users"));
    }

    [Fact]
    public async Task GetOktaUserSearchAndStatusSelectWhatOktaSelects()
    {
        await using var org = await StartAsync();
        var state = await org.StateAsync();
        var sales = org.Run("Get-OktaUser -Search 'profile.department eq \"Sales\"'");
        sales.AssertNoErrors();
        Assert.Equal(
            Users(state).Where(u => ProfileText(u, "department") == "Sales").Select(u => u.GetProperty("id").GetString()),
            sales.Output.Select(u => (string?)Prop(u, "Id")));

        var statuses = org.Run("Get-OktaUser -Status SUSPENDED, DEPROVISIONED");
        statuses.AssertNoErrors();
        Assert.Equal(
            Users(state).Where(u => u.GetProperty("status").GetString() is "SUSPENDED" or "DEPROVISIONED").Select(u => u.GetProperty("id").GetString()),
            statuses.Output.Select(u => (string?)Prop(u, "Id")));

        var engineersSuspended = org.Run("Get-OktaUser -Search 'profile.department eq \"Engineering\"' -Status SUSPENDED");
        engineersSuspended.AssertNoErrors();
        Assert.Equal(["rita.ross@contractors.example"], engineersSuspended.Output.Select(u => (string?)Prop(u, "Login")));
    }

    [Fact]
    public async Task FirstStopsTheListingWithoutReadingFurtherPages()
    {
        await using var org = await StartAsync();
        var run = org.Run("Get-OktaUser -First 3");
        run.AssertNoErrors();
        Assert.Equal(3, run.Output.Count);
        Assert.Equal(1, org.Requests("GET /api/v1/users"));

        var members = org.Run("Get-OktaGroupMember -GroupId 'Load Test Users' -Skip 1 -First 2");
        members.AssertNoErrors();
        Assert.Equal(2, members.Output.Count);
        Assert.Equal(1, org.Requests("GET /api/v1/groups/{id}/users"));
    }

    [Fact]
    public async Task BadExpressionsStopWithOktasErrorAndNothingIsWritten()
    {
        await using var org = await StartAsync();
        var bad = org.Run("Get-OktaUser -Search 'status ne \"ACTIVE\"'");
        Assert.Empty(bad.Output);
        var error = bad.SingleError();
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("E0000031", error.ToString());
        Assert.Contains("'ne' isn't supported", error.ToString());

        var sent = org.Requests("GET /api/v1/users");
        var combined = org.Run("Get-OktaUser -Search 'status eq \"ACTIVE\"' -Filter 'status eq \"ACTIVE\"'");
        Assert.Equal("OktaInvalidArgument", ErrorId(combined.SingleError()));
        Assert.Equal(sent, org.Requests("GET /api/v1/users"));

        var badLog = org.Run("Get-OktaLog -Filter 'eventType eqq \"x\"'");
        Assert.Contains("E0000053", badLog.SingleError().ToString());
    }

    [Fact]
    public async Task GroupsByNameWildcardTypeAndTheirMembersAcrossPages()
    {
        await using var org = await StartAsync();
        var state = await org.StateAsync();
        var groups = state.GetProperty("groups").EnumerateArray().ToList();

        var sal = org.Run("Get-OktaGroup -Name 'Sal*'");
        sal.AssertNoErrors();
        Assert.Equal(["Sales", "Salesforce Imported Users"], sal.Output.Select(g => (string?)Prop(g, "Name")).Order());
        Assert.Equal(4, Prop(sal.Output.Single(g => (string?)Prop(g, "Name") == "Sales"), "MemberCount"));

        var appGroups = org.Run("Get-OktaGroup -Type APP_GROUP");
        Assert.Equal(groups.Where(g => g.GetProperty("type").GetString() == "APP_GROUP").Select(g => g.GetProperty("id").GetString()), appGroups.Output.Select(g => (string?)Prop(g, "Id")));

        var missing = org.Run("Get-OktaGroup -Name 'No Such Group'");
        Assert.Equal("OktaGroupNotFound", ErrorId(missing.SingleError()));
        Assert.Equal(ErrorCategory.ObjectNotFound, missing.SingleError().CategoryInfo.Category);

        var load = groups.Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Load Test Users");
        var members = org.Run("Get-OktaGroup -Name 'Load Test Users' | Get-OktaGroupMember");
        members.AssertNoErrors();
        Assert.Equal(load.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()), members.Output.Select(m => (string?)Prop(m, "UserId")));
        Assert.True(org.Requests("GET /api/v1/groups/{id}/users") >= 2, "members are read across several pages");
        Assert.All(members.Output, m => Assert.Equal(load.GetProperty("id").GetString(), Prop(m, "GroupId")));
    }

    [Fact]
    public async Task MembersPipeIntoRevokeOktaGroupMembership()
    {
        await using var org = await StartAsync();
        var sales = await org.GroupIdAsync("Sales");
        var whatIf = org.Run("Get-OktaGroupMember -GroupId Sales | Revoke-OktaGroupMembership -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Equal(4, (await org.MemberIdsAsync(sales)).Count);

        var run = org.Run("Get-OktaGroupMember -GroupId Sales | Where-Object Status -ne 'ACTIVE' | Revoke-OktaGroupMembership -GroupId $g", new Dictionary<string, object?> { ["g"] = sales });
        run.AssertNoErrors();
        Assert.Equal(["Revoked", "Revoked"], run.Output.Select(Outcome));
        var stillMembers = new[] { await org.UserIdAsync("maya.miller@acme.example"), await org.UserIdAsync("tara.tran@contractors.example") };
        Assert.Equal(stillMembers.Order(), (await org.MemberIdsAsync(sales)).Order());
    }

    [Fact]
    public async Task SearchedUsersPipeIntoDisableOktaUserWhatIf()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();
        var run = org.Run("Get-OktaUser -Search 'profile.department eq \"Finance\"' | Disable-OktaUser -WhatIf");
        run.AssertNoErrors();
        Assert.Equal(before, await org.StateTextAsync());
        Assert.Equal(0, org.Writes());
    }

    [Fact]
    public async Task AppsAndAssignmentsShowScopeAndPipeIntoRevoke()
    {
        await using var org = await StartAsync();
        var state = await org.StateAsync();
        var salesforce = state.GetProperty("apps").EnumerateArray().Single(a => a.GetProperty("label").GetString() == "Salesforce");

        var app = org.Run("Get-OktaApp -Label salesforce");
        Assert.Equal(salesforce.GetProperty("id").GetString(), Prop(Assert.Single(app.Output), "Id"));
        var inactive = org.Run("Get-OktaApp -Status INACTIVE");
        Assert.Equal(["Legacy Intranet"], inactive.Output.Select(a => (string?)Prop(a, "Label")));

        var assigned = org.Run("Get-OktaAppAssignment -AppId $a", new Dictionary<string, object?> { ["a"] = salesforce.GetProperty("id").GetString() });
        assigned.AssertNoErrors();
        var users = assigned.Output.Where(o => o.Properties["UserId"] is not null).ToList();
        Assert.Equal(
            salesforce.GetProperty("users").EnumerateArray().Select(u => (u.GetProperty("userId").GetString(), u.GetProperty("scope").GetString())),
            users.Select(u => ((string?)Prop(u, "UserId"), (string?)Prop(u, "Scope"))));
        Assert.Equal(["Sales", "Salesforce Imported Users"], assigned.Output.Where(o => o.Properties["GroupId"] is not null).Select(g => (string?)Prop(g, "GroupName")).Order());

        var alice = org.Run("Get-OktaAppAssignment -UserId alice.anderson@acme.example");
        alice.AssertNoErrors();
        Assert.Equal(["GitHub Enterprise", "Slack", "Zoom"], alice.Output.Select(a => (string?)Prop(a, "AppLabel")).Order());
        Assert.Equal("GROUP", Prop(alice.Output.Single(a => (string?)Prop(a, "AppLabel") == "Zoom"), "Scope"));

        var revoke = org.Run("Get-OktaAppAssignment -UserId alice.anderson@acme.example | Where-Object AppLabel -eq 'GitHub Enterprise' | Revoke-OktaAppAssignment");
        revoke.AssertNoErrors();
        Assert.Equal("Revoked", Outcome(Assert.Single(revoke.Output)));
    }

    [Fact]
    public async Task RoleAssignmentsShowHowTheyAreHeldAndWhatTheyReach()
    {
        await using var org = await StartAsync();
        var alice = org.Run("Get-OktaRoleAssignment -UserId alice.anderson@acme.example");
        alice.AssertNoErrors();
        var own = alice.Output.Where(r => (string?)Prop(r, "AssignmentType") == "USER").ToList();
        Assert.Equal(["APP_ADMIN", "HELP_DESK_ADMIN"], own.Select(r => (string?)Prop(r, "RoleType")).Order());
        Assert.All(own, r => Assert.Equal(("Organization", null), ((string?)Prop(r, "Scope"), Prop(r, "ThroughGroupId"))));
        // Okta lists what she inherits through her groups too, each naming its group and reaching what the group's role reaches
        var inherited = alice.Output.Where(r => (string?)Prop(r, "AssignmentType") == "GROUP").ToList();
        Assert.Equal(["CUSTOM", "HELP_DESK_ADMIN", "SUPER_ADMIN"], inherited.Select(r => (string?)Prop(r, "RoleType")).Order());
        var helpDeskGroup = await org.GroupIdAsync("Help Desk");
        var throughHelpDesk = inherited.Single(r => (string?)Prop(r, "RoleType") == "HELP_DESK_ADMIN");
        Assert.Equal(helpDeskGroup, Prop(throughHelpDesk, "ThroughGroupId"));
        Assert.Matches("^Groups '(Sales|Contractors)' .*, '(Sales|Contractors)' ", (string)Prop(throughHelpDesk, "Scope")!);

        var carol = org.Run("Get-OktaRoleAssignment -UserId carol.chen@acme.example");
        // carol holds the Engineering Group Manager binding herself and through Engineering
        var custom = Assert.Single(carol.Output, r => (string?)Prop(r, "RoleType") == "CUSTOM" && (string?)Prop(r, "AssignmentType") == "USER");
        Assert.StartsWith("Resource set iam", (string)Prop(custom, "Scope")!);
        var userAdmin = Assert.Single(carol.Output, r => (string?)Prop(r, "RoleType") == "USER_ADMIN");
        Assert.Equal(new[] { "group:" + await org.GroupIdAsync("Contractors"), "group:" + await org.GroupIdAsync("Engineering") }.Order(),
            ((System.Collections.IEnumerable)Prop(userAdmin, "ScopeIds")!).Cast<string>().Order());

        var helpDesk = org.Run("Get-OktaRoleAssignment -GroupId 'Help Desk'");
        Assert.Equal("HELP_DESK_ADMIN", Prop(Assert.Single(helpDesk.Output), "RoleType"));
    }

    [Fact]
    public async Task AUsersOwnRolesStandardAndCustomPipeIntoRevokeOktaRole()
    {
        await using var org = await StartAsync();
        var carol = await org.UserIdAsync("carol.chen@acme.example");
        var held = org.Run("Get-OktaRoleAssignment -UserId carol.chen@acme.example | Where-Object AssignmentType -eq USER");
        held.AssertNoErrors();
        Assert.Equal(["CUSTOM", "USER_ADMIN"], held.Output.Select(r => (string?)Prop(r, "RoleType")).Order());
        Assert.Single(await BindingsHeldByAsync(org, carol));

        var revoke = org.Run("Get-OktaRoleAssignment -UserId carol.chen@acme.example | Where-Object AssignmentType -eq USER | Revoke-OktaRole");

        revoke.AssertNoErrors();
        Assert.Equal(["Revoked", "Revoked"], revoke.Output.Select(Outcome));
        Assert.Empty(await BindingsHeldByAsync(org, carol));
        var left = org.Run("Get-OktaRoleAssignment -UserId carol.chen@acme.example | Where-Object AssignmentType -eq USER");
        Assert.Empty(left.Output);
    }

    private static async Task<List<string>> BindingsHeldByAsync(OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg org, string userId)
    {
        var state = await org.StateAsync();
        return state.GetProperty("resourceSets").EnumerateArray()
            .SelectMany(set => set.GetProperty("bindings").EnumerateArray()
                .Where(binding => binding.GetProperty("members").EnumerateArray().Any(m => m.GetProperty("principalId").GetString() == userId))
                .Select(binding => set.GetProperty("id").GetString() + ":" + binding.GetProperty("roleId").GetString()))
            .ToList();
    }

    [Fact]
    public async Task InvokeOktaRestMethodUsesTheConnectionAndStaysOnTheOrg()
    {
        await using var org = await StartAsync();
        var me = org.Run("Invoke-OktaRestMethod /api/v1/users/me");
        me.AssertNoErrors();
        Assert.Equal("okta.admin@acme.example", ((PSObject)Prop(Assert.Single(me.Output), "profile")!).Properties["login"].Value);

        var pages = org.Run("Invoke-OktaRestMethod '/api/v1/users?limit=50' -All");
        Assert.True(pages.Output.Count > 200);
        Assert.True(org.Requests("GET /api/v1/users") >= 5);
        var onePage = org.Run("Invoke-OktaRestMethod '/api/v1/users?limit=50'");
        Assert.Equal(50, onePage.Output.Count);
        // body-paged (_links.next); Okta's listAssignees takes a limit where listRoles takes none (the contract suite checks)
        var iam = org.Run("Invoke-OktaRestMethod '/api/v1/iam/assignees/users?limit=1' -All");
        var holders = (await org.StateAsync()).GetProperty("userRoles").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "ACTIVE").Select(r => r.GetProperty("userId").GetString()).Distinct().Count();
        Assert.Equal(holders, iam.Output.Count);
        Assert.True(org.Requests("GET /api/v1/iam/assignees/users") >= 2);

        var whatIf = org.Run("Invoke-OktaRestMethod /api/v1/groups -Method POST -Body @{ profile = @{ name = 'Auditors' } } -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Equal(0, org.Writes());
        var created = org.Run("Invoke-OktaRestMethod /api/v1/groups -Method POST -Body @{ profile = @{ name = 'Auditors'; description = 'Reviewers' } } -Confirm:$false");
        created.AssertNoErrors();
        Assert.NotNull(await org.GroupIdAsync("Auditors"));

        var elsewhere = org.Run("Invoke-OktaRestMethod https://evil.example/api/v1/users/me");
        Assert.Equal("OktaInvalidArgument", ErrorId(elsewhere.SingleError()));
        var failed = org.Run("Invoke-OktaRestMethod /api/v1/users/nobody-here");
        Assert.Equal(ErrorCategory.ObjectNotFound, failed.SingleError().CategoryInfo.Category);
    }

    [Fact]
    public async Task ArgumentCompletionOffersNamesFromTheConnectedOrg()
    {
        await using var org = await StartAsync();
        static string Complete(string line) => $"$s = '{line}'; (TabExpansion2 -inputScript $s -cursorColumn $s.Length).CompletionMatches.CompletionText";
        var groups = org.Run(Complete("Get-OktaGroup -Name Sal"));
        groups.AssertNoErrors();
        Assert.Equal(["Sales", "'Salesforce Imported Users'"], groups.Output.Select(o => o.ToString()));
        var users = org.Run(Complete("Get-OktaUser -Id ali"));
        Assert.Equal(["alice.anderson@acme.example"], users.Output.Select(o => o.ToString()));
        var types = org.Run(Complete("Get-OktaLog -EventType group.user"));
        Assert.Equal(["group.user_membership.add", "group.user_membership.remove"], types.Output.Select(o => o.ToString()));
    }
}
