using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

public sealed class GeneratedOrgSyncTests
{
    [Fact]
    public async Task TwoThousandUserOrgEqualsTheTruth()
    {
        await using var org = await SyncTestOrg.StartAsync(o =>
        {
            o.Org = "generated";
            o.Users = 2000;
            o.Groups = 120;
            o.Apps = 25;
            o.Seed = 7;
        });
        var (result, contents) = await org.SyncAsync(new SyncOptions { SyncCustomRoles = true, SyncSecrets = true, SyncInactiveApps = true });
        using var state = await org.StateAsync();
        var expected = ExpectedSync.From(state, new ExpectedSync.Rules { CustomRoles = true, Secrets = true, InactiveApps = true });
        Assert.Equal(2000, result.ResourceCounts["user"]);
        Assert.Equal(expected.Resources, contents.ResourceIds);
        Assert.Equal(expected.Entitlements, contents.EntitlementIds);
        Assert.Equal(expected.Grants, contents.GrantIds);
        Assert.True(contents.Grants.Count > 2000);
    }
}
