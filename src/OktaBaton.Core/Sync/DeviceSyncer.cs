using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Devices (opt-in, like baton-okta's): GET /api/v1/devices with expand=userSummary, 200 a page. Each device is a
/// resource with a managed_device trait (serial number, UDID, model, vendor, OS, status) and links to the users it
/// belongs to — links, not grants: a device is something a user has, not access. Users the sync leaves out (e-mail
/// domain filter, skipped DEPROVISIONED users) are left out of the links too.
/// </summary>
internal sealed class DeviceSyncer : IResourceSyncer
{
    private const string ListUrl = "/api/v1/devices?limit=200&expand=userSummary";

    public string ResourceType => ResourceTypes.Device;

    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        long count = 0;
        try
        {
            await foreach (var device in context.Client.ListAsync<OktaDevice>(ListUrl, ct).ConfigureAwait(false))
            {
                context.Writer.WriteResource(ToResource(device, context));
                context.Report("Devices", ++count);
            }
        }
        catch (OktaApiException denied) when (denied.IsPermissionDenied)
        {
            context.WarnPermissionDenied(denied, ListUrl, null, "the devices");
        }
        catch (OktaApiException missing) when (missing.IsNotFound)
        {
            // The Devices API belongs to Okta Identity Engine; a Classic Engine org answers 404.
            context.Warn(new SyncWarning(DevicesUnavailable,
                $"Okta has no Devices API for this org ({missing.ErrorCode ?? "HTTP 404"} on GET /api/v1/devices; it needs Okta Identity Engine). No devices were synced.",
                path: "/api/v1/devices", errorCode: missing.ErrorCode));
        }
    }

    public const string DevicesUnavailable = "devices-unavailable";

    private static Resource ToResource(OktaDevice device, SyncContext context)
    {
        var profile = device.Profile ?? new OktaDeviceProfile();
        var links = new List<object?>();
        var userIds = new List<object?>();
        foreach (var link in device.Embedded?.Users ?? new List<OktaDeviceUser>())
        {
            var userId = link.User?.Id;
            if (string.IsNullOrEmpty(userId) || !context.Users.KeepsUserId(userId!))
            {
                continue;
            }

            userIds.Add(userId);
            links.Add(new PropertyBag()
                .Set("resourceType", ResourceTypes.User)
                .Set("resource", userId)
                .SetIfPresent("managementStatus", link.ManagementStatus)
                .SetIfPresent("screenLockType", link.ScreenLockType));
        }

        var os = new PropertyBag()
            .Set("type", OsType(profile.Platform))
            .SetIfPresent("name", profile.Platform)
            .SetIfPresent("version", profile.OsVersion);
        var trait = new PropertyBag()
            .SetIfPresent("serialNumber", profile.SerialNumber)
            .SetIfPresent("udid", profile.Udid)
            .SetIfPresent("model", profile.Model)
            .SetIfPresent("vendor", profile.Manufacturer)
            .Set("os", os)
            .SetIfPresent("status", device.Status)
            .Set("users", links);
        var bag = new PropertyBag()
            .SetIfPresent("displayName", profile.DisplayName)
            .SetIfPresent("status", device.Status)
            .SetIfPresent("platform", profile.Platform)
            .SetIfPresent("osVersion", profile.OsVersion)
            .SetIfPresent("manufacturer", profile.Manufacturer)
            .SetIfPresent("model", profile.Model)
            .SetIfPresent("serialNumber", profile.SerialNumber)
            .SetIfPresent("udid", profile.Udid)
            .SetIfPresent("sid", profile.Sid)
            .SetIfPresent("imei", profile.Imei)
            .SetIfPresent("meid", profile.Meid)
            .SetIfPresent("registered", profile.Registered)
            .SetIfPresent("managed", profile.Managed)
            .SetIfPresent("secureHardwarePresent", profile.SecureHardwarePresent)
            .SetIfPresent("diskEncryptionType", profile.DiskEncryptionType)
            .SetIfPresent("created", device.Created)
            .SetIfPresent("lastUpdated", device.LastUpdated)
            .Set("userIds", userIds);
        var name = string.IsNullOrWhiteSpace(profile.DisplayName) ? device.Id : profile.DisplayName!;
        return new Resource(new ResourceId(ResourceTypes.Device, device.Id), name, new PropertyBag().Set("managed_device", trait), bag);
    }

    /// <summary>The OS family as baton names it (an unknown platform stays unspecified rather than guessed).</summary>
    private static string OsType(string? platform) => platform?.ToUpperInvariant() switch
    {
        "WINDOWS" => "windows",
        "MACOS" => "macos",
        "IOS" => "ios",
        "ANDROID" => "android",
        "CHROMEOS" => "chromeos",
        _ => "unspecified",
    };
}
