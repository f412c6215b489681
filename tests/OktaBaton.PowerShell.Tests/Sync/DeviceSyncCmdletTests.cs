using System.Security.Cryptography;
using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.Simulator.OAuth;

namespace OktaBaton.PowerShell.Tests.Sync;

/// <summary>Invoke-OktaSync -SyncDevices and querying the device records, in a hosted runspace.</summary>
public sealed class DeviceSyncCmdletTests(SimulatedOrg org) : IClassFixture<SimulatedOrg>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("oktabaton-ps-devices-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DevicesAreSyncedWhenAskedAndQueryAsRecordsWithTheirUsers()
    {
        using var session = new ModuleSession();
        var path = Path.Combine(_dir, "devices.json");
        var vars = new Dictionary<string, object?> { ["domain"] = org.Host.BaseUrl.ToString().TrimEnd('/'), ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["path"] = path };

        var sync = session.Run("Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $path -SyncDevices", vars);
        var query = session.Run("Get-OktaSyncResource -Path $path -ResourceType device | Where-Object { $_.Profile.userIds.Count -gt 1 }", vars);

        sync.AssertNoErrors();
        using var state = await org.StateAsync();
        var devices = state.RootElement.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal((long)devices.Count, (long)Assert.Single(sync.Output).Properties["Devices"].Value);
        query.AssertNoErrors();
        var shared = Assert.Single(query.Output);
        Assert.Equal("ENG-LAB-07", shared.Properties["DisplayName"].Value);
        Assert.Equal("ACTIVE", shared.Properties["Status"].Value);
    }

    [Fact]
    public async Task AServiceAppWithoutTheDevicesScopeGetsAWarningNamingIt()
    {
        using var rsa = RSA.Create(2048);
        await using var oauthOrg = await SimulatedOrg.StartAsync(o => o.OAuthClients.Add(
            new OAuthClientRegistration("0oaDevices", SimPublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()), false, null, "kid-devices")));
        using var session = new ModuleSession();
        var path = Path.Combine(_dir, "oauth.json");

        var run = session.Run("Connect-Okta -Domain $domain -ClientId 0oaDevices -KeyId kid-devices -PrivateKey $key; Invoke-OktaSync -Path $path -SyncDevices",
            new Dictionary<string, object?> { ["domain"] = oauthOrg.Host.BaseUrl.GetLeftPart(UriPartial.Authority), ["key"] = rsa.ExportRSAPrivateKeyPem(), ["path"] = path });

        run.AssertNoErrors();
        Assert.Equal(0L, Assert.Single(run.Output).Properties["Devices"].Value);
        Assert.Contains(run.Warnings, w => w.Contains("'okta.devices.read'", StringComparison.Ordinal) && w.Contains("/api/v1/devices", StringComparison.Ordinal));
    }
}
