namespace OktaBaton.Core.Model;

/// <summary>
/// Something the sync could not read or finds suspicious. Kept in the sync file so that an unreadable list
/// is never mistaken for an empty one.
/// </summary>
public sealed class SyncWarning
{
    public SyncWarning(string code, string message, ResourceId? resource = null, string? path = null, string? errorCode = null)
    {
        Code = code;
        Message = message;
        Resource = resource;
        Path = path;
        ErrorCode = errorCode;
    }

    /// <summary>Stable code: "permission-denied", "no-users-visible".</summary>
    public string Code { get; }

    public string Message { get; }

    /// <summary>The resource whose grants are incomplete, when there is one.</summary>
    public ResourceId? Resource { get; }

    /// <summary>The Okta request path that failed (no host, no secrets).</summary>
    public string? Path { get; }

    /// <summary>Okta's errorCode, e.g. E0000006.</summary>
    public string? ErrorCode { get; }

    public const string PermissionDenied = "permission-denied";
    public const string NoUsersVisible = "no-users-visible";

    public override string ToString() => Message;
}
