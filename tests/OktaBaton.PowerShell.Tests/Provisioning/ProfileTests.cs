using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Provisioning;

/// <summary>Set-OktaUser and New-OktaUser fed CSV rows, extra columns as attributes only when asked.</summary>
public sealed class ProfileTests
{
    private static async Task<JsonElement> ProfileAsync(ProvisioningOrg org, string login) =>
        (await org.UserAsync(await org.UserIdAsync(login))).GetProperty("profile");

    private static string? Text(JsonElement profile, string name) =>
        profile.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    [Fact]
    public async Task CsvRowsUpdateTypedColumnsAndExtraColumnsWhenAskedAndARejectedAttributeIsNamed()
    {
        await using var org = await StartAsync();
        const string rows = """
            @(
                [pscustomobject]@{ Login = 'liam.lopez@acme.example'; Title = 'QA Lead'; Department = ''; employeeIdNumber = 'E-77' }
                [pscustomobject]@{ Login = 'noah.nguyen@acme.example'; Title = 'SRE'; Department = 'Engineering'; employeeIdNumber = '' }
                [pscustomobject]@{ Login = 'kate.kim@acme.example'; Title = 'Automation Lead'; Department = 'IT'; shoeSize = '44' }
            )
            """;

        var run = org.Run(rows + " | Set-OktaUser -ExtraColumnsAsAttributes -Force");

        Assert.Equal(["Updated", "Unchanged"], run.Output.Select(Outcome));
        Assert.Equal(new[] { "title", "employeeIdNumber" }, (string[])Prop(run.Output[0], "Changed")!);
        var error = run.SingleError();
        Assert.Equal("OktaProfileRejected", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("shoeSize", error.Exception.Message, StringComparison.Ordinal);
        var liam = await ProfileAsync(org, "liam.lopez@acme.example");
        Assert.Equal(("QA Lead", "Engineering", "E-77"), (Text(liam, "title"), Text(liam, "department"), Text(liam, "employeeIdNumber")));
        Assert.Equal("Automation Lead", Text(await ProfileAsync(org, "kate.kim@acme.example"), "title"));
        Assert.Equal(2, org.Requests("POST /api/v1/users/{id}")); // liam's write and kate's refused one; noah's row sent nothing
    }

    [Fact]
    public async Task WithoutTheSwitchExtraColumnsAreLeftAlone()
    {
        await using var org = await StartAsync();

        var run = org.Run("[pscustomobject]@{ Id = 'liam.lopez@acme.example'; employeeIdNumber = 'E-77'; shoeSize = '44' } | Set-OktaUser -Title 'QA Lead' -Force");

        run.AssertNoErrors();
        Assert.Equal(new[] { "title" }, (string[])Prop(Assert.Single(run.Output), "Changed")!);
        Assert.Null(Text(await ProfileAsync(org, "liam.lopez@acme.example"), "employeeIdNumber"));
    }

    [Fact]
    public async Task SetUserClearsAndWhatIfChangesNothing()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var whatIf = org.Run("Set-OktaUser -UserId alice.anderson@acme.example -Title 'Principal Engineer' -Attribute @{ employeeIdNumber = 'A-1' } -WhatIf");
        whatIf.AssertNoErrors();
        Assert.Empty(whatIf.Output);
        Assert.Equal(before, await org.StateTextAsync());

        var clear = org.Run("Set-OktaUser -UserId alice.anderson@acme.example -Clear secondEmail -Force");
        clear.AssertNoErrors();
        Assert.Equal("Updated", Outcome(Assert.Single(clear.Output)));
        Assert.Null(Text(await ProfileAsync(org, "alice.anderson@acme.example"), "secondEmail"));
    }

    [Fact]
    public async Task NewUserTakesExtraCsvColumnsAsAttributesOnlyWhenAsked()
    {
        await using var org = await StartAsync();
        const string rows = """
            @(
                [pscustomobject]@{ FirstName = 'Ana'; LastName = 'Silva'; Email = 'ana.silva@acme.example'; Department = 'Legal'; startDate = '2027-02-01' }
            )
            """;

        var asked = org.Run(rows + " | New-OktaUser -Staged -ExtraColumnsAsAttributes");
        var plain = org.Run(rows.Replace("ana.silva", "bo.berg") + " | New-OktaUser -Staged");

        asked.AssertNoErrors();
        plain.AssertNoErrors();
        var ana = await ProfileAsync(org, "ana.silva@acme.example");
        Assert.Equal(("Legal", "2027-02-01"), (Text(ana, "department"), Text(ana, "startDate")));
        var bo = await ProfileAsync(org, "bo.berg@acme.example");
        Assert.Equal((null, null), (Text(bo, "department"), Text(bo, "startDate")));
    }

    [Fact]
    public async Task NewUserWithAnExtraColumnOktaDoesNotKnowCreatesNothingAndNamesIt()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var run = org.Run("[pscustomobject]@{ FirstName = 'Cy'; LastName = 'Cole'; Email = 'cy.cole@acme.example'; Manager_Email = 'maya.miller@acme.example' } | New-OktaUser -ExtraColumnsAsAttributes");

        var error = run.SingleError();
        Assert.Equal("OktaProfileRejected", ErrorId(error));
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("Manager_Email", error.Exception.Message, StringComparison.Ordinal);
        Assert.Equal(before, await org.StateTextAsync());
    }
}
