using System.Text.Json;
using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using Xunit;

namespace OktaBaton.Core.Tests.Sync;

/// <summary>The opt-in device resource type against the demo org's devices in the simulator's state.</summary>
public sealed class DeviceSyncTests : IAsyncLifetime
{
    private SyncTestOrg _org = null!;

    public async Task InitializeAsync() => _org = await SyncTestOrg.StartAsync();

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task Devices_are_synced_only_when_asked()
    {
        var (plain, plainContents) = await _org.SyncAsync(name: "plain.json");
        Assert.DoesNotContain(plainContents.Header.ResourceTypes, t => t.Id == "device");
        Assert.DoesNotContain(_org.Host.GetStats().ByRoute.Keys, k => k.Contains("/devices", StringComparison.Ordinal));

        var (result, contents) = await _org.SyncAsync(new SyncOptions { SyncDevices = true }, name: "devices.json");

        using var state = await _org.StateAsync();
        var expected = ExpectedSync.From(state, new ExpectedSync.Rules { Devices = true });
        Assert.Equal(expected.Resources, contents.ResourceIds);
        Assert.Equal(expected.Grants, contents.GrantIds);
        Assert.Equal(plain.Grants, result.Grants);
        Assert.Equal(new[] { "user", "group", "app", "role", "device" }, contents.Header.ResourceTypes.Select(t => t.Id));
        Assert.Equal(true, contents.Header.Options.Get("syncDevices"));
        Assert.Equal("managed_device", contents.Header.ResourceTypes.Single(t => t.Id == "device").Traits.Single());
    }

    [Fact]
    public async Task A_device_carries_baton_trait_fields_and_links_to_its_users()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { ResourceTypes = { "device" } });
        using var state = await _org.StateAsync();

        Assert.Equal(new[] { "device" }, contents.Resources.Select(r => r.Id.ResourceType).Distinct());
        foreach (var device in state.RootElement.GetProperty("devices").EnumerateArray())
        {
            var resource = contents.Resources.Single(r => r.Id.Resource == device.GetProperty("id").GetString());
            var trait = resource.Trait("managed_device")!;
            Assert.Equal(device.GetProperty("displayName").GetString(), resource.DisplayName);
            Assert.Equal(Text(device, "serialNumber"), trait.GetString("serialNumber"));
            Assert.Equal(Text(device, "udid"), trait.GetString("udid"));
            Assert.Equal(Text(device, "model"), trait.GetString("model"));
            Assert.Equal(Text(device, "manufacturer"), trait.GetString("vendor"));
            Assert.Equal(device.GetProperty("platform").GetString(), trait.GetBag("os")!.GetString("name"));
            Assert.Equal(device.GetProperty("platform").GetString()!.ToLowerInvariant(), trait.GetBag("os")!.GetString("type"));
            Assert.Equal(Text(device, "osVersion"), trait.GetBag("os")!.GetString("version"));
            Assert.Equal(device.GetProperty("status").GetString(), resource.Profile.GetString("status"));
            var expectedUsers = device.GetProperty("userIds").EnumerateArray().Select(u => (object?)u.GetString()).ToList();
            Assert.Equal(expectedUsers, (List<object?>)resource.Profile.Get("userIds")!);
            Assert.Equal(expectedUsers, ((List<object?>)trait.Get("users")!).Select(u => ((PropertyBag)u!).Get("resource")).ToList());
        }
    }

    [Fact]
    public async Task Links_to_users_the_sync_leaves_out_are_left_out()
    {
        var (_, contents) = await _org.SyncAsync(new SyncOptions { SyncDevices = true, EmailDomains = { "contractors.example" } });

        var devices = contents.Resources.Where(r => r.Id.ResourceType == "device").ToList();
        Assert.NotEmpty(devices);
        Assert.All(devices, d => Assert.Empty((List<object?>)d.Profile.Get("userIds")!));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
