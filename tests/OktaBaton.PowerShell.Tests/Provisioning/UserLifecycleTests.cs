using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Provisioning;

/// <summary>
/// The lifecycle cmdlets end to end in a hosted runspace: one demo user per Okta status piped in as CSV rows (bound
/// by property name), the outcome or ErrorId per row, and the simulator's state after.
/// </summary>
public sealed class UserLifecycleTests
{
    private static readonly string[] Logins =
    {
        "jack.jones@acme.example",      // STAGED
        "henry.hughes@acme.example",    // PROVISIONED
        "alice.anderson@acme.example",  // ACTIVE
        "iris.ito@acme.example",        // RECOVERY
        "frank.fischer@acme.example",   // LOCKED_OUT
        "grace.garcia@acme.example",    // PASSWORD_EXPIRED
        "dave.davis@acme.example",      // SUSPENDED
        "erin.evans@acme.example",      // DEPROVISIONED
    };

    /// <summary>The eight users as the rows Import-Csv gives for a file with a Login column (objects with string properties).</summary>
    private static readonly string CsvRows =
        "@(" + string.Join(", ", Logins.Select(l => $"'{l}'")) + ") | ForEach-Object { [pscustomobject]@{ Login = $_; Note = 'leaver' } }";

    [Theory]
    [InlineData("Disable-OktaUser", "AlreadyDisabled,-,Disabled,-,-,-,AlreadyDisabled,AlreadyDisabled", "STAGED,PROVISIONED,SUSPENDED,RECOVERY,LOCKED_OUT,PASSWORD_EXPIRED,SUSPENDED,DEPROVISIONED")]
    [InlineData("Remove-OktaUser", "Deactivated,Deactivated,Deactivated,Deactivated,Deactivated,Deactivated,Deactivated,AlreadyDeactivated", "DEPROVISIONED,DEPROVISIONED,DEPROVISIONED,DEPROVISIONED,DEPROVISIONED,DEPROVISIONED,DEPROVISIONED,DEPROVISIONED")]
    [InlineData("Remove-OktaUser -Permanent", "Deleted,Deleted,Deleted,Deleted,Deleted,Deleted,Deleted,Deleted", "GONE,GONE,GONE,GONE,GONE,GONE,GONE,GONE")]
    [InlineData("Restore-OktaUser", "NotDeactivated,NotDeactivated,NotDeactivated,NotDeactivated,NotDeactivated,NotDeactivated,NotDeactivated,Reactivated", "STAGED,PROVISIONED,ACTIVE,RECOVERY,LOCKED_OUT,PASSWORD_EXPIRED,SUSPENDED,PROVISIONED")]
    [InlineData("Unlock-OktaUser", "NotLockedOut,NotLockedOut,NotLockedOut,NotLockedOut,Unlocked,NotLockedOut,NotLockedOut,NotLockedOut", "STAGED,PROVISIONED,ACTIVE,RECOVERY,ACTIVE,PASSWORD_EXPIRED,SUSPENDED,DEPROVISIONED")]
    [InlineData("Request-OktaPasswordChange", "-,-,PasswordExpired,-,-,AlreadyPasswordExpired,-,-", "STAGED,PROVISIONED,PASSWORD_EXPIRED,RECOVERY,LOCKED_OUT,PASSWORD_EXPIRED,SUSPENDED,DEPROVISIONED")]
    [InlineData("Reset-OktaUserFactor", "NoFactors,NoFactors,FactorsReset,FactorsReset,FactorsReset,FactorsReset,FactorsReset,NoFactors", "STAGED,PROVISIONED,ACTIVE,RECOVERY,LOCKED_OUT,PASSWORD_EXPIRED,SUSPENDED,DEPROVISIONED")]
    public async Task EveryStatusPipedFromCsvGetsItsOutcomeAndTheStateFollows(string command, string outcomes, string statuses)
    {
        await using var org = await StartAsync();
        var ids = new List<string>();
        foreach (var login in Logins)
        {
            ids.Add(await org.UserIdAsync(login));
        }

        var run = org.Run($"{CsvRows} | {command} -Force");

        var expected = outcomes.Split(',');
        Assert.Equal(expected.Where(o => o != "-"), run.Output.Select(Outcome));
        Assert.Equal(expected.Count(o => o == "-"), run.Errors.Count);
        Assert.All(run.Errors, e =>
        {
            Assert.Equal("OktaInvalidUserStatus", ErrorId(e));
            Assert.Equal(ErrorCategory.InvalidOperation, e.CategoryInfo.Category);
        });
        var state = await org.StateAsync();
        var after = ids.Select(id => StatusOf(state, id) ?? "GONE");
        Assert.Equal(statuses.Split(','), after);
    }

    [Fact]
    public async Task RemoveUserIsHighImpactWhatIfChangesNothingAndAConfirmationNamesTheUser()
    {
        await using var org = await StartAsync();
        var before = await org.StateTextAsync();

        var impacts = org.Run("'Remove-OktaUser', 'Reset-OktaUserFactor', 'Disable-OktaUser' | ForEach-Object { [System.Management.Automation.CommandMetadata]::new((Get-Command $_)).ConfirmImpact.ToString() }");
        var whatIf = org.Run("Remove-OktaUser -UserId noah.nguyen@acme.example -Permanent -WhatIf -Force");

        Assert.Equal(["High", "High", "Medium"], impacts.Output.Select(o => o.BaseObject.ToString()));
        whatIf.AssertNoErrors();
        Assert.Empty(whatIf.Output);
        Assert.Equal(before, await org.StateTextAsync());
        Assert.Equal(0, org.Writes());
    }

    [Fact]
    public async Task SyncRecordsPipeIntoRemoveUserByTheirLogin()
    {
        await using var org = await StartAsync();
        var path = Path.Combine(Path.GetTempPath(), "oktabaton-leavers-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var run = org.Run(
                "Invoke-OktaSync -Path $p | Out-Null; " +
                "Get-OktaSyncResource -Path $p -ResourceType user | Where-Object { $_.Login -like '*@contractors.example' -and $_.Status -eq 'SUSPENDED' } | Remove-OktaUser -Force",
                new Dictionary<string, object?> { ["p"] = path });

            run.AssertNoErrors();
            var change = Assert.Single(run.Output);
            Assert.Equal(("Deactivate", "Deactivated", "rita.ross@contractors.example", "SUSPENDED"),
                ((string)Prop(change, "Action")!, Outcome(change), (string)Prop(change, "Login")!, (string)Prop(change, "PreviousStatus")!));
            Assert.Equal("DEPROVISIONED", StatusOf(await org.StateAsync(), await org.UserIdAsync("rita.ross@contractors.example")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task LiveUserRecordsPipeIntoTheLifecycleCmdletsByTheirId()
    {
        await using var org = await StartAsync();
        var frank = await org.UserIdAsync("frank.fischer@acme.example");
        var noah = await org.UserIdAsync("noah.nguyen@acme.example");

        var run = org.Run("Get-OktaUser -Status LOCKED_OUT | Unlock-OktaUser -Force; Get-OktaUser noah.nguyen@acme.example | Remove-OktaUser -Force");

        run.AssertNoErrors();
        Assert.Equal([("Unlock", "Unlocked", frank), ("Deactivate", "Deactivated", noah)],
            run.Output.Select(o => ((string)Prop(o, "Action")!, Outcome(o), (string)Prop(o, "UserId")!)));
        var state = await org.StateAsync();
        Assert.Equal(("ACTIVE", "DEPROVISIONED"), (StatusOf(state, frank), StatusOf(state, noah)));
    }

    [Fact]
    public async Task ResetFactorsListsTheFactorsInTheResult()
    {
        await using var org = await StartAsync();

        var run = org.Run("Reset-OktaUserFactor -UserId alice.anderson@acme.example -Force");

        run.AssertNoErrors();
        var change = Assert.Single(run.Output);
        Assert.Equal("FactorsReset", Outcome(change));
        Assert.Equal(new[] { "push", "token:software:totp" }, (string[])Prop(change, "Changed")!);
    }

    private static string? StatusOf(JsonElement state, string id)
    {
        foreach (var user in state.GetProperty("users").EnumerateArray())
        {
            if (user.GetProperty("id").GetString() == id)
            {
                return user.GetProperty("status").GetString();
            }
        }

        return null;
    }
}
