using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Provisioning;

public sealed class AccessTests
{
    private static IEnumerable<JsonElement> AppUsers(JsonElement state, string appId) =>
        state.GetProperty("apps").EnumerateArray().First(a => a.GetProperty("id").GetString() == appId).GetProperty("users").EnumerateArray();

    private static IEnumerable<string> AppGroupIds(JsonElement state, string appId) =>
        state.GetProperty("apps").EnumerateArray().First(a => a.GetProperty("id").GetString() == appId)
            .GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("groupId").GetString()!);

    private static IEnumerable<JsonElement> Roles(JsonElement state, string collection, string key, string principalId) =>
        state.GetProperty(collection).EnumerateArray().Where(r => r.GetProperty(key).GetString() == principalId);

    private static IEnumerable<(string Type, string Id)> BindingMembers(JsonElement state, string resourceSetId, string roleId) =>
        state.GetProperty("resourceSets").EnumerateArray().First(s => s.GetProperty("id").GetString() == resourceSetId)
            .GetProperty("bindings").EnumerateArray().Where(b => b.GetProperty("roleId").GetString() == roleId)
            .SelectMany(b => b.GetProperty("members").EnumerateArray())
            .Select(m => (m.GetProperty("type").GetString()!, m.GetProperty("principalId").GetString()!));

    [Fact]
    public async Task AppAssignmentToAUserUsesTheLoginAndIsIdempotentBothWays()
    {
        await using var org = await StartAsync();
        var zoom = await org.AppIdAsync("Zoom");
        var noah = await org.UserIdAsync("noah.nguyen@acme.example");
        var vars = new Dictionary<string, object?> { ["a"] = zoom };

        var runs = new[]
        {
            org.Run("Grant-OktaAppAssignment -AppId $a -UserId 'noah.nguyen@acme.example'", vars),
            org.Run("Grant-OktaAppAssignment -AppId $a -UserId 'noah.nguyen@acme.example'", vars),
        };
        Assert.All(runs, r => r.AssertNoErrors());
        Assert.Equal(["Granted", "AlreadyGranted"], runs.Select(r => Outcome(Assert.Single(r.Output))));
        var assignment = Assert.Single(AppUsers(await org.StateAsync(), zoom), u => u.GetProperty("userId").GetString() == noah);
        Assert.Equal("USER", assignment.GetProperty("scope").GetString());
        Assert.Equal("noah.nguyen@acme.example", assignment.GetProperty("userName").GetString());
        Assert.Equal(1, org.Requests("POST /api/v1/apps/{id}/users"));

        var revokes = new[]
        {
            org.Run("Revoke-OktaAppAssignment -AppId $a -UserId 'noah.nguyen@acme.example'", vars),
            org.Run("Revoke-OktaAppAssignment -AppId $a -UserId 'noah.nguyen@acme.example'", vars),
        };
        Assert.All(revokes, r => r.AssertNoErrors());
        Assert.Equal(["Revoked", "AlreadyRevoked"], revokes.Select(r => Outcome(Assert.Single(r.Output))));
        Assert.DoesNotContain(AppUsers(await org.StateAsync(), zoom), u => u.GetProperty("userId").GetString() == noah);
    }

    [Fact]
    public async Task AppAssignmentToAUserLetsOktaApplyTheAppsUsernameTemplate()
    {
        await using var org = await StartAsync();
        var slack = await org.AppIdAsync("Slack");
        var grace = await org.UserIdAsync("grace.garcia@acme.example");

        var run = org.Run("Grant-OktaAppAssignment -AppId $a -UserId grace.garcia@acme.example", new Dictionary<string, object?> { ["a"] = slack });

        run.AssertNoErrors();
        Assert.Equal("Granted", Outcome(Assert.Single(run.Output)));
        // Slack's template is the e-mail prefix; the login is not forced on it
        var assignment = Assert.Single(AppUsers(await org.StateAsync(), slack), u => u.GetProperty("userId").GetString() == grace);
        Assert.Equal(("USER", "grace.garcia"), (assignment.GetProperty("scope").GetString(), assignment.GetProperty("userName").GetString()));
    }

    [Fact]
    public async Task AppAssignmentToAGroupIsIdempotentBothWays()
    {
        await using var org = await StartAsync();
        var github = await org.AppIdAsync("GitHub Enterprise");
        var engineering = await org.GroupIdAsync("Engineering");
        var vars = new Dictionary<string, object?> { ["a"] = github, ["g"] = engineering };

        var outcomes = new[]
        {
            "Grant-OktaAppAssignment -AppId $a -GroupId $g", "Grant-OktaAppAssignment -AppId $a -GroupId $g",
        }.Select(s => org.Run(s, vars)).Select(r => { r.AssertNoErrors(); return Outcome(Assert.Single(r.Output)); }).ToList();
        Assert.Equal(["Granted", "AlreadyGranted"], outcomes);
        Assert.Contains(engineering, AppGroupIds(await org.StateAsync(), github));

        var revoked = new[]
        {
            "Revoke-OktaAppAssignment -AppId $a -GroupId $g", "Revoke-OktaAppAssignment -AppId $a -GroupId $g",
        }.Select(s => org.Run(s, vars)).Select(r => { r.AssertNoErrors(); return Outcome(Assert.Single(r.Output)); }).ToList();
        Assert.Equal(["Revoked", "AlreadyRevoked"], revoked);
        Assert.DoesNotContain(engineering, AppGroupIds(await org.StateAsync(), github));
    }

    [Fact]
    public async Task AppAssignmentWithABadAppIdOrAReadOnlyTokenFailsCleanly()
    {
        await using var org = await StartAsync(SimulatedOrg.ReadOnlyToken);
        var zoom = await org.AppIdAsync("Zoom");
        var before = await org.StateTextAsync();

        var run = org.Run(
            "Grant-OktaAppAssignment -AppId '0oaNoSuchApp' -UserId 'noah.nguyen@acme.example'; Grant-OktaAppAssignment -AppId $a -UserId 'noah.nguyen@acme.example'",
            new Dictionary<string, object?> { ["a"] = zoom });

        Assert.Equal(["OktaAppNotFound", "OktaPermissionDenied"], run.Errors.Select(ErrorId));
        Assert.Equal([ErrorCategory.ObjectNotFound, ErrorCategory.PermissionDenied], run.Errors.Select(e => e.CategoryInfo.Category));
        Assert.Equal(before, await org.StateTextAsync());
    }

    [Fact]
    public async Task AStandardRoleGoesToAGroupAndComesBackOffIt()
    {
        await using var org = await StartAsync();
        var sales = await org.GroupIdAsync("Sales");
        var vars = new Dictionary<string, object?> { ["g"] = sales };

        var grants = new[] { "Grant-OktaRole -RoleType report_admin -GroupId $g", "Grant-OktaRole -RoleType REPORT_ADMIN -GroupId $g" }
            .Select(s => org.Run(s, vars)).ToList();
        Assert.All(grants, r => r.AssertNoErrors());
        Assert.Equal(["Granted", "AlreadyGranted"], grants.Select(r => Outcome(Assert.Single(r.Output))));
        Assert.Equal($"role:REPORT_ADMIN:assigned:group:{sales}", Prop(grants[0].Output[0], "GrantId"));
        var role = Assert.Single(Roles(await org.StateAsync(), "groupRoles", "groupId", sales));
        Assert.Equal("REPORT_ADMIN", role.GetProperty("type").GetString());

        var revokes = new[] { "Revoke-OktaRole -RoleType REPORT_ADMIN -GroupId $g", "Revoke-OktaRole -RoleType REPORT_ADMIN -GroupId $g" }
            .Select(s => org.Run(s, vars)).ToList();
        Assert.All(revokes, r => r.AssertNoErrors());
        Assert.Equal(["Revoked", "AlreadyRevoked"], revokes.Select(r => Outcome(Assert.Single(r.Output))));
        Assert.Empty(Roles(await org.StateAsync(), "groupRoles", "groupId", sales));
    }

    [Fact]
    public async Task AnUnknownRoleTypeIsRejectedBeforeAnyCall()
    {
        await using var org = await StartAsync();

        var run = org.Run("Grant-OktaRole -RoleType SUPER_ADMN -UserId 'noah.nguyen@acme.example'");

        var error = run.SingleError();
        Assert.Equal("OktaInvalidRoleType", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("SUPER_ADMIN", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, org.Org.Host.GetStats().TotalRequests - org.Requests("GET /api/v1/users/me"));
    }

    [Fact]
    public async Task ACustomRoleBindingMemberIsAddedAndRemovedAlone()
    {
        await using var org = await StartAsync();
        var state = await org.StateAsync();
        var set = state.GetProperty("resourceSets").EnumerateArray().First(s => s.GetProperty("label").GetString() == "Engineering Resources");
        var setId = set.GetProperty("id").GetString()!;
        var roleId = set.GetProperty("bindings")[0].GetProperty("roleId").GetString()!;
        var maya = await org.UserIdAsync("maya.miller@acme.example");
        var before = BindingMembers(state, setId, roleId).ToList();
        var vars = new Dictionary<string, object?> { ["cr"] = roleId, ["rs"] = setId };

        var grant = org.Run("Grant-OktaRole -CustomRoleId $cr -ResourceSetId $rs -UserId 'maya.miller@acme.example'", vars);
        grant.AssertNoErrors();
        Assert.Equal("Granted", Outcome(Assert.Single(grant.Output)));
        Assert.Equal(before.Append(("USER", maya)).Order(), BindingMembers(await org.StateAsync(), setId, roleId).Order());

        var revoke = org.Run("Revoke-OktaRole -CustomRoleId $cr -ResourceSetId $rs -UserId 'maya.miller@acme.example'; Revoke-OktaRole -CustomRoleId $cr -ResourceSetId $rs -UserId 'maya.miller@acme.example'", vars);
        revoke.AssertNoErrors();
        Assert.Equal(["Revoked", "AlreadyRevoked"], revoke.Output.Select(Outcome));
        Assert.Equal(before.Order(), BindingMembers(await org.StateAsync(), setId, roleId).Order());
    }

    [Fact]
    public async Task SyncGrantObjectsOnThePipelineAreRevokedKindByKind()
    {
        await using var org = await StartAsync();
        var helpDesk = await org.GroupIdAsync("Help Desk");
        var slack = await org.AppIdAsync("Slack");
        var alice = await org.UserIdAsync("alice.anderson@acme.example");
        var quinn = await org.UserIdAsync("quinn.quade@contractors.example");
        var script = """
            function Grant($e, $pt, $principal) {
                $parts = $e.Split(':')
                [pscustomobject]@{ GrantId = "${e}:${pt}:${principal}"; EntitlementId = $e; ResourceType = $parts[0]; ResourceId = $parts[1]; Slug = $parts[-1]; PrincipalType = $pt; PrincipalId = $principal }
            }
            @(
                (Grant "group:${helpDesk}:member" 'user' $quinn),
                (Grant "app:${slack}:access" 'user' $alice),
                (Grant 'role:HELP_DESK_ADMIN:assigned' 'group' $helpDesk),
                (Grant 'role:APP_ADMIN:assigned' 'user' $alice)
            ) | Revoke-OktaEntitlement
            """;

        var run = org.Run(script, new Dictionary<string, object?> { ["helpDesk"] = helpDesk, ["slack"] = slack, ["alice"] = alice, ["quinn"] = quinn });

        run.AssertNoErrors();
        Assert.Equal(["Revoked", "Revoked", "Revoked", "Revoked"], run.Output.Select(Outcome));
        var state = await org.StateAsync();
        Assert.DoesNotContain(quinn, await org.MemberIdsAsync(helpDesk));
        Assert.DoesNotContain(AppUsers(state, slack), u => u.GetProperty("userId").GetString() == alice && u.GetProperty("scope").GetString() == "USER");
        Assert.Empty(Roles(state, "groupRoles", "groupId", helpDesk));
        Assert.DoesNotContain(Roles(state, "userRoles", "userId", alice), r => r.GetProperty("type").GetString() == "APP_ADMIN");
        Assert.Contains(Roles(state, "userRoles", "userId", alice), r => r.GetProperty("type").GetString() == "HELP_DESK_ADMIN");
    }

    [Fact]
    public async Task CsvRowsWithStringsAndGrantIdsAreGrantedAndABadRowDoesNotStopTheRest()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var zoom = await org.AppIdAsync("Zoom");
        var noah = await org.UserIdAsync("noah.nguyen@acme.example");
        var script = """
            @(
                [pscustomobject]@{ EntitlementId = "group:${phoenix}:member"; PrincipalType = 'user'; PrincipalId = 'noah.nguyen@acme.example' },
                [pscustomobject]@{ EntitlementId = 'bogus:thing'; PrincipalType = 'user'; PrincipalId = 'noah.nguyen@acme.example' },
                [pscustomobject]@{ GrantId = "app:${zoom}:access:user:${noah}" }
            ) | Grant-OktaEntitlement
            """;

        var run = org.Run(script, new Dictionary<string, object?> { ["phoenix"] = phoenix, ["zoom"] = zoom, ["noah"] = noah });

        var error = run.SingleError();
        Assert.Equal("OktaInvalidEntitlementId", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(["Granted", "Granted"], run.Output.Select(Outcome));
        Assert.Equal([noah], await org.MemberIdsAsync(phoenix));
        Assert.Contains(AppUsers(await org.StateAsync(), zoom), u => u.GetProperty("userId").GetString() == noah);
    }

    [Fact]
    public async Task EntitlementWhatIfChangesNothing()
    {
        await using var org = await StartAsync();
        var helpDesk = await org.GroupIdAsync("Help Desk");
        var before = await org.StateTextAsync();

        var run = org.Run(
            "Revoke-OktaEntitlement -EntitlementId 'role:HELP_DESK_ADMIN:assigned' -PrincipalType group -PrincipalId $g -WhatIf; Grant-OktaEntitlement -EntitlementId 'role:ORG_ADMIN:assigned' -PrincipalType user -PrincipalId 'noah.nguyen@acme.example' -WhatIf",
            new Dictionary<string, object?> { ["g"] = helpDesk });

        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Equal(before, await org.StateTextAsync());
        Assert.Equal(0, org.Writes());
    }

    [Fact]
    public async Task GrantAndRevokeAreConfirmImpactMedium()
    {
        await using var org = await StartAsync();
        var run = org.Run("Get-Command -Module OktaBaton -Verb Grant, Revoke | ForEach-Object { [System.Management.Automation.CommandMetadata]::new($_).ConfirmImpact.ToString() }");

        run.AssertNoErrors();
        Assert.Equal(8, run.Output.Count);
        Assert.All(run.Output, o => Assert.Equal("Medium", o.BaseObject));
    }
}
