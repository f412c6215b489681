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
}
