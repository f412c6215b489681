using System;
using System.Management.Automation;
using OktaBaton.Core;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// Turns engine and Okta failures into ErrorRecords: the engine says what the failure is (<see cref="OktaFailure"/>, a
/// stable ErrorId and kind); this maps the kind to PowerShell's category. ErrorIds never carry message text; Okta's
/// errorCode, errorId and request id travel in the message.
/// </summary>
internal static class OktaErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target, string? subject = null)
    {
        var failure = exception is PSArgumentException
            ? OktaFailure.Classify(new ArgumentException(exception.Message, exception), subject)
            : OktaFailure.Classify(exception, subject);
        return new ErrorRecord(exception, failure.ErrorId, CategoryOf(failure.Kind), failure.File ?? target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = failure.Advice ?? string.Empty },
        };
    }

    private static ErrorCategory CategoryOf(OktaFailureKind kind) => kind switch
    {
        OktaFailureKind.InvalidArgument => ErrorCategory.InvalidArgument,
        OktaFailureKind.InvalidOperation => ErrorCategory.InvalidOperation,
        OktaFailureKind.NotFound => ErrorCategory.ObjectNotFound,
        OktaFailureKind.PermissionDenied => ErrorCategory.PermissionDenied,
        OktaFailureKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
        OktaFailureKind.Conflict => ErrorCategory.ResourceExists,
        OktaFailureKind.RateLimited => ErrorCategory.LimitsExceeded,
        OktaFailureKind.Timeout => ErrorCategory.OperationTimeout,
        OktaFailureKind.ConnectionFailed => ErrorCategory.ConnectionError,
        OktaFailureKind.ServerError => ErrorCategory.ResourceUnavailable,
        OktaFailureKind.InvalidData => ErrorCategory.InvalidData,
        OktaFailureKind.InvalidResponse => ErrorCategory.InvalidResult,
        OktaFailureKind.ReadFailed => ErrorCategory.ReadError,
        OktaFailureKind.WriteFailed => ErrorCategory.WriteError,
        OktaFailureKind.Stopped => ErrorCategory.OperationStopped,
        _ => ErrorCategory.NotSpecified,
    };
}
