namespace OktaBaton.Core;

/// <summary>What kind of failure an engine operation met, independent of any front end.</summary>
public enum OktaFailureKind
{
    InvalidArgument,
    InvalidOperation,
    NotFound,
    PermissionDenied,
    AuthenticationFailed,
    Conflict,
    RateLimited,
    Timeout,
    ConnectionFailed,
    ServerError,
    InvalidData,

    /// <summary>Okta answered success with something that could not be read.</summary>
    InvalidResponse,

    /// <summary>A local file could not be read (I/O error).</summary>
    ReadFailed,

    /// <summary>A local file could not be written (disk full, quota, I/O error).</summary>
    WriteFailed,

    /// <summary>The operation was stopped (Ctrl+C, or a command that failed stopping its work).</summary>
    Stopped,

    /// <summary>Not a known failure: a bug to report.</summary>
    Unexpected,
}
