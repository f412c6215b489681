using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A device (GET /api/v1/devices), with its users when listed with expand=user or expand=userSummary.</summary>
public sealed class OktaDevice
{
    public string Id { get; set; } = string.Empty;

    /// <summary>ACTIVE, CREATED, SUSPENDED, DEACTIVATED.</summary>
    public string? Status { get; set; }

    public DateTimeOffset? Created { get; set; }

    public DateTimeOffset? LastUpdated { get; set; }

    public OktaDeviceProfile? Profile { get; set; }

    [JsonPropertyName("_embedded")]
    public OktaDeviceEmbedded? Embedded { get; set; }
}

public sealed class OktaDeviceProfile
{
    public string? DisplayName { get; set; }

    /// <summary>ANDROID, IOS, MACOS, WINDOWS.</summary>
    public string? Platform { get; set; }

    public string? Manufacturer { get; set; }

    public string? Model { get; set; }

    public string? OsVersion { get; set; }

    public string? SerialNumber { get; set; }

    public string? Udid { get; set; }

    public string? Sid { get; set; }

    public string? Imei { get; set; }

    public string? Meid { get; set; }

    public bool? Registered { get; set; }

    public bool? Managed { get; set; }

    public bool? SecureHardwarePresent { get; set; }

    public string? DiskEncryptionType { get; set; }
}

public sealed class OktaDeviceEmbedded
{
    public List<OktaDeviceUser>? Users { get; set; }
}

/// <summary>One user of a device: the link's management status and screen lock, and the user (only its id is read).</summary>
public sealed class OktaDeviceUser
{
    public string? ManagementStatus { get; set; }

    public string? ScreenLockType { get; set; }

    public DateTimeOffset? Created { get; set; }

    public OktaObjectRef? User { get; set; }
}
