using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.PowerShell.Tests.Provisioning;
using static OktaBaton.PowerShell.Tests.Provisioning.ProvisioningOrg;

namespace OktaBaton.PowerShell.Tests.Reliability;

/// <summary>
/// The org goes away in the middle of a pipeline: the item that finds out spends its retries, and every item after it
/// fails at once with OktaConnectionFailed saying why — not half a minute of retries each.
/// </summary>
[Trait("Suite", "Reliability")]
public sealed class UnreachableOrgCmdletTests
{
    [Fact]
    public async Task ItemsAfterTheOrgWentAwayFailAtOnce()
    {
        await using var org = await StartAsync();
        var phoenix = await org.GroupIdAsync("Project Phoenix");
        var logins = new[] { "jack.jones@acme.example", "maya.miller@acme.example", "noah.nguyen@acme.example", "carol.chen@acme.example", "liam.lopez@acme.example", "dave.davis@acme.example" };
        Action stop = () => org.Org.Host.DisposeAsync().AsTask().GetAwaiter().GetResult();

        var run = org.Session.Run(
            "$logins | ForEach-Object { if ($_ -eq $logins[1]) { $stop.Invoke() }; [pscustomobject]@{ UserId = $_ } } | Grant-OktaGroupMembership -GroupId $g",
            new Dictionary<string, object?> { ["logins"] = logins, ["g"] = phoenix, ["stop"] = stop }, debug: true);

        Assert.Equal("Granted", Outcome(Assert.Single(run.Output)));
        Assert.Equal(logins.Length - 1, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("OktaConnectionFailed", ErrorId(e)));
        Assert.All(run.Errors.Skip(1), e => Assert.Contains("not sent, because the org could not be reached", e.Exception.Message, StringComparison.Ordinal));
        // only the item that found the org gone retried (six times, the default); the four after it sent nothing
        Assert.Equal(6, run.Debug.Count(line => line.StartsWith("retrying in", StringComparison.Ordinal)));
    }
}
