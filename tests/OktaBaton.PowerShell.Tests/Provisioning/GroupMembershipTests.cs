using System.Management.Automation;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Provisioning;

public sealed class GroupMembershipTests
{
    private const string Jack = "jack.jones@acme.example";

    [Fact]
    public async Task GrantsByLoginThenReportsTheRepeatAsAlreadyGranted()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var jack = await org.UserIdAsync(Jack);
        var vars = new Dictionary<string, object?> { ["g"] = phoenix };

        var first = org.Run($"Grant-OktaGroupMembership -GroupId $g -UserId '{Jack}'", vars);
        first.AssertNoErrors();
        var result = Assert.Single(first.Output);
        Assert.Equal("Granted", Outcome(result));
        Assert.Equal(jack, Prop(result, "PrincipalId"));
        Assert.Equal("Project Phoenix", Prop(result, "ResourceName"));
        Assert.Equal($"group:{phoenix}:member:user:{jack}", Prop(result, "GrantId"));
        Assert.Equal([jack], await org.MemberIdsAsync(phoenix));

        var repeat = org.Run($"Grant-OktaGroupMembership -GroupId $g -UserId '{Jack}'", vars);
        repeat.AssertNoErrors();
        Assert.Equal("AlreadyGranted", Outcome(Assert.Single(repeat.Output)));
        Assert.Equal(1, org.Requests("PUT /api/v1/groups/{id}/users/{userId}"));
    }

    [Fact]
    public async Task RevokesAMemberAndTreatsANonMemberAsAlreadyRevoked()
    {
        await using var org = await StartAsync();
        var sales = await org.GroupIdAsync("Sales");
        var maya = await org.UserIdAsync("maya.miller@acme.example");
        var vars = new Dictionary<string, object?> { ["g"] = sales, ["u"] = maya };

        var revoked = org.Run("Revoke-OktaGroupMembership -GroupId $g -UserId $u", vars);
        revoked.AssertNoErrors();
        Assert.Equal("Revoked", Outcome(Assert.Single(revoked.Output)));
        Assert.DoesNotContain(maya, await org.MemberIdsAsync(sales));

        var again = org.Run("Revoke-OktaGroupMembership -GroupId $g -UserId $u", vars);
        again.AssertNoErrors();
        Assert.Equal("AlreadyRevoked", Outcome(Assert.Single(again.Output)));
        Assert.Equal(1, org.Requests("DELETE /api/v1/groups/{id}/users/{userId}"));
    }

    [Fact]
    public async Task WhatIfChangesNothing()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var sales = await org.GroupIdAsync("Sales");
        var before = await org.StateTextAsync();

        var run = org.Run(
            $"Grant-OktaGroupMembership -GroupId $p -UserId '{Jack}' -WhatIf; Revoke-OktaGroupMembership -GroupId $s -UserId 'maya.miller@acme.example' -WhatIf",
            new Dictionary<string, object?> { ["p"] = phoenix, ["s"] = sales });

        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Equal(before, await org.StateTextAsync());
        Assert.Equal(0, org.Writes());
    }

    [Fact]
    public async Task AnAppGroupIsAnInvalidGroupType()
    {
        await using var org = await StartAsync();
        var imported = await org.GroupIdAsync("Salesforce Imported Users");

        var run = org.Run($"Grant-OktaGroupMembership -GroupId $g -UserId '{Jack}'", new Dictionary<string, object?> { ["g"] = imported });

        var error = run.SingleError();
        Assert.Equal("OktaInvalidGroupType", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("APP_GROUP", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(0, org.Writes());
    }

    [Fact]
    public async Task BadIdsNameWhatIsMissing()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");

        var run = org.Run(
            $"Grant-OktaGroupMembership -GroupId '00gDoesNotExist1' -UserId '{Jack}'; Grant-OktaGroupMembership -GroupId $g -UserId 'nobody@acme.example'",
            new Dictionary<string, object?> { ["g"] = phoenix });

        Assert.Equal(2, run.Errors.Count);
        Assert.Equal("OktaGroupNotFound", ErrorId(run.Errors[0]));
        Assert.Equal("OktaUserNotFound", ErrorId(run.Errors[1]));
        Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        Assert.Empty(await org.MemberIdsAsync(phoenix));
    }

    [Fact]
    public async Task AReadOnlyTokenIsDeniedAndChangesNothing()
    {
        await using var org = await StartAsync(SimulatedOrg.ReadOnlyToken);
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var before = await org.StateTextAsync();

        var run = org.Run($"Grant-OktaGroupMembership -GroupId $g -UserId '{Jack}'", new Dictionary<string, object?> { ["g"] = phoenix });

        var error = run.SingleError();
        Assert.Equal("OktaPermissionDenied", ErrorId(error));
        Assert.Equal(ErrorCategory.PermissionDenied, error.CategoryInfo.Category);
        Assert.Contains("E0000006", error.ErrorDetails.Message, StringComparison.Ordinal);
        Assert.Equal(before, await org.StateTextAsync());
        Assert.DoesNotContain(SimulatedOrg.ReadOnlyToken, run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneBadItemInAPipelineDoesNotStopTheOthers()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var jack = await org.UserIdAsync(Jack);
        var sam = await org.UserIdAsync("sam.silva@contractors.example");

        var run = org.Run(
            "@([pscustomobject]@{GroupId=$g; UserId=$a}, [pscustomobject]@{GroupId=$g; UserId='ghost@acme.example'}, [pscustomobject]@{GroupId=$g; Login='sam.silva@contractors.example'}) | Grant-OktaGroupMembership",
            new Dictionary<string, object?> { ["g"] = phoenix, ["a"] = jack });

        Assert.Equal("OktaUserNotFound", ErrorId(run.SingleError()));
        Assert.Equal(["Granted", "Granted"], run.Output.Select(Outcome));
        Assert.Equal(new[] { jack, sam }.Order(StringComparer.Ordinal), (await org.MemberIdsAsync(phoenix)).Order(StringComparer.Ordinal));
    }
}
