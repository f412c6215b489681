namespace OktaBaton.Simulator.Model;

/// <summary>A device registered in Okta (Okta Verify / Identity Engine), with the users it is linked to.</summary>
internal sealed class Device
{
    public Device(int index, string id, string displayName, string platform)
    {
        Index = index;
        Id = id;
        DisplayName = displayName;
        Platform = platform;
    }

    public int Index { get; }
    public string Id { get; }
    /// <summary>ACTIVE, CREATED, SUSPENDED or DEACTIVATED.</summary>
    public string Status { get; set; } = "ACTIVE";
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
    public string DisplayName { get; set; }
    /// <summary>ANDROID, IOS, MACOS or WINDOWS.</summary>
    public string Platform { get; set; }
    public string? Manufacturer { get; set; }
    public string? Model { get; set; }
    public string? OsVersion { get; set; }
    public string? SerialNumber { get; set; }
    public string? Udid { get; set; }
    public string? Sid { get; set; }
    public string? Imei { get; set; }
    public bool Registered { get; set; } = true;
    public bool SecureHardwarePresent { get; set; }
    public string? DiskEncryptionType { get; set; }
    public List<DeviceUserLink> Users { get; } = new();
}

/// <summary>One user of a device (the device's _embedded.users with expand=user).</summary>
internal sealed record DeviceUserLink(int UserIndex, string ManagementStatus, string ScreenLockType, DateTimeOffset Created);
