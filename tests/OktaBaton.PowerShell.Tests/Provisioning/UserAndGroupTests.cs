using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Provisioning;

public sealed class UserAndGroupTests
{
    private const string Lifecycle = "POST /api/v1/users/{id}/lifecycle/{action}";

    [Fact]
    public async Task NewUserWithAGeneratedPasswordIsActiveAndTheRepeatIsAlreadyExistsUntouched()
    {
        await using var org = await StartAsync();
        const string script = "New-OktaUser -FirstName Zoe -LastName Zhang -Email 'zoe.zhang@acme.example' -GeneratePassword -Attribute @{ department = 'Legal' }";

        var first = org.Run(script);
        first.AssertNoErrors();
        var created = Assert.Single(first.Output);
        Assert.Equal("Created", Outcome(created));
        Assert.Null(created.Properties["Password"]);
        var id = (string)Prop(created, "UserId")!;
        var user = await org.UserAsync(id);
        Assert.Equal("ACTIVE", user.GetProperty("status").GetString());
        Assert.Equal("zoe.zhang@acme.example", user.GetProperty("profile").GetProperty("login").GetString());
        Assert.Equal("Legal", user.GetProperty("profile").GetProperty("department").GetString());

        var repeat = org.Run("New-OktaUser -FirstName Other -LastName Name -Email 'zoe.zhang@acme.example'");
        repeat.AssertNoErrors();
        Assert.Equal("AlreadyExists", Outcome(Assert.Single(repeat.Output)));
        Assert.Equal("Zoe", (await org.UserAsync(id)).GetProperty("profile").GetProperty("firstName").GetString());
        Assert.Equal(1, org.Requests("POST /api/v1/users"));
    }

    [Fact]
    public async Task NewUserStagedWhatIfAndBadInput()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var whatIf = org.Run("New-OktaUser -FirstName Yan -LastName Yu -Email 'yan.yu@acme.example' -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Empty(whatIf.Output);
        Assert.Equal(before, await org.StateTextAsync());

        var bad = org.Run("New-OktaUser -FirstName Yan -LastName Yu -Email 'yan.yu@acme.example' -Attribute @{ Login = 'sneaky@acme.example' }");
        var error = bad.SingleError();
        Assert.Equal("OktaReservedAttribute", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Equal(before, await org.StateTextAsync());

        var staged = org.Run("New-OktaUser -FirstName Yan -LastName Yu -Email 'yan.yu@acme.example' -Login 'yyu@acme.example' -Staged");
        staged.AssertNoErrors();
        var user = await org.UserAsync((string)Prop(Assert.Single(staged.Output), "UserId")!);
        Assert.Equal("STAGED", user.GetProperty("status").GetString());
        Assert.Equal("yyu@acme.example", user.GetProperty("profile").GetProperty("login").GetString());
    }

    [Fact]
    public async Task NewUserWithAReadOnlyTokenIsPermissionDenied()
    {
        await using var org = await StartAsync(SimulatedOrg.ReadOnlyToken);
        var before = await org.StateTextAsync();

        var run = org.Run("New-OktaUser -FirstName Yan -LastName Yu -Email 'yan.yu@acme.example'");

        Assert.Equal("OktaPermissionDenied", ErrorId(run.SingleError()));
        Assert.Equal(before, await org.StateTextAsync());
    }

    [Fact]
    public async Task EnableUserFollowsTheStatus()
    {
        await using var org = await StartAsync();
        var jack = await org.UserIdAsync("jack.jones@acme.example");
        var dave = await org.UserIdAsync("dave.davis@acme.example");

        var run = org.Run("'jack.jones@acme.example', 'dave.davis@acme.example', 'noah.nguyen@acme.example', 'erin.evans@acme.example', 'ghost@acme.example' | ForEach-Object { Enable-OktaUser -UserId $_ }");

        Assert.Equal(["Enabled", "Enabled", "AlreadyEnabled"], run.Output.Select(Outcome));
        Assert.Equal(["OktaUserDeprovisioned", "OktaUserNotFound"], run.Errors.Select(ErrorId));
        Assert.Equal(ErrorCategory.InvalidOperation, run.Errors[0].CategoryInfo.Category);
        Assert.NotEqual("STAGED", (await org.UserAsync(jack)).GetProperty("status").GetString());
        Assert.Equal("ACTIVE", (await org.UserAsync(dave)).GetProperty("status").GetString());
        Assert.Equal(2, org.Requests(Lifecycle));
    }

    [Fact]
    public async Task DisableUserSuspendsOnceAndWhatIfDoesNot()
    {
        await using var org = await StartAsync();
        var noah = await org.UserIdAsync("noah.nguyen@acme.example");

        var whatIf = org.Run("Disable-OktaUser -UserId 'noah.nguyen@acme.example' -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Equal(0, org.Requests(Lifecycle));

        var run = org.Run("Disable-OktaUser -UserId 'noah.nguyen@acme.example'; Disable-OktaUser -UserId $u", new Dictionary<string, object?> { ["u"] = noah });
        run.AssertNoErrors();
        Assert.Equal(["Disabled", "AlreadyDisabled"], run.Output.Select(Outcome));
        Assert.Equal("SUSPENDED", (await org.UserAsync(noah)).GetProperty("status").GetString());
        Assert.Equal(1, org.Requests(Lifecycle));
    }

    [Fact]
    public async Task NewGroupWithMembersThenTheRepeatIsAlreadyExists()
    {
        await using var org = await StartAsync();
        var liam = await org.UserIdAsync("liam.lopez@acme.example");
        var noah = await org.UserIdAsync("noah.nguyen@acme.example");
        const string script = "New-OktaGroup -Name 'Release Crew' -Description 'Ships things' -Member 'liam.lopez@acme.example', $n";
        var vars = new Dictionary<string, object?> { ["n"] = noah };

        var first = org.Run(script, vars);
        first.AssertNoErrors();
        var group = Assert.Single(first.Output);
        Assert.Equal("Created", Outcome(group));
        var id = (string)Prop(group, "GroupId")!;
        Assert.Equal(new[] { liam, noah }.Order(StringComparer.Ordinal), (await org.MemberIdsAsync(id)).Order(StringComparer.Ordinal));
        Assert.Equal("Ships things", (await org.GroupAsync(id))!.Value.GetProperty("profile").GetProperty("description").GetString());

        var repeat = org.Run(script, vars);
        repeat.AssertNoErrors();
        Assert.Equal("AlreadyExists", Outcome(Assert.Single(repeat.Output)));
        Assert.Equal(id, Prop(repeat.Output[0], "GroupId"));
        Assert.Equal(1, org.Requests("POST /api/v1/groups"));
    }

    [Fact]
    public async Task NewGroupWithAnUnknownMemberCreatesNothing()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var run = org.Run("New-OktaGroup -Name 'Half Made' -Member 'liam.lopez@acme.example', 'ghost@acme.example'");

        Assert.Equal("OktaUserNotFound", ErrorId(run.SingleError()));
        Assert.Equal(before, await org.StateTextAsync());
    }

    [Fact]
    public async Task SetGroupSendsNoPutWhenNothingChanges()
    {
        await using var org = await StartAsync();
        var sales = await org.GroupIdAsync("Sales");
        var vars = new Dictionary<string, object?> { ["g"] = sales };

        var same = org.Run("Set-OktaGroup -GroupId $g -Name 'Sales' -Description 'Sales team'", vars);
        same.AssertNoErrors();
        Assert.Equal("Unchanged", Outcome(Assert.Single(same.Output)));
        Assert.Equal(0, org.Requests("PUT /api/v1/groups/{id}"));

        var changed = org.Run("Set-OktaGroup -GroupId $g -Description 'Revenue team'", vars);
        changed.AssertNoErrors();
        Assert.Equal("Updated", Outcome(Assert.Single(changed.Output)));
        var profile = (await org.GroupAsync(sales))!.Value.GetProperty("profile");
        Assert.Equal("Sales", profile.GetProperty("name").GetString());
        Assert.Equal("Revenue team", profile.GetProperty("description").GetString());
        Assert.Equal(1, org.Requests("PUT /api/v1/groups/{id}"));
    }

    [Fact]
    public async Task RemoveGroupIsHighImpactAndDeletesOnlyOktaGroups()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var imported = await org.GroupIdAsync("Salesforce Imported Users");
        var everyone = await org.GroupIdAsync("Everyone");
        var vars = new Dictionary<string, object?> { ["p"] = phoenix, ["i"] = imported, ["e"] = everyone };

        var impact = org.Run("[System.Management.Automation.CommandMetadata]::new((Get-Command Remove-OktaGroup)).ConfirmImpact.ToString()");
        Assert.Equal("High", Assert.Single(impact.Output).BaseObject);

        var whatIf = org.Run("Remove-OktaGroup -GroupId $p -WhatIf -Force", vars);
        whatIf.AssertNoErrors();
        Assert.NotNull(await org.GroupAsync(phoenix));

        var run = org.Run("$i, $e, $p, '00gNoSuchGroup1' | ForEach-Object { Remove-OktaGroup -GroupId $_ -Force }", vars);
        Assert.Equal(["OktaInvalidGroupType", "OktaInvalidGroupType", "OktaGroupNotFound"], run.Errors.Select(ErrorId));
        Assert.Equal("Deleted", Outcome(Assert.Single(run.Output)));
        Assert.Null(await org.GroupAsync(phoenix));
        Assert.NotNull(await org.GroupAsync(imported));
        Assert.NotNull(await org.GroupAsync(everyone));
        Assert.Equal(1, org.Requests("DELETE /api/v1/groups/{id}"));
    }
}
