using System;
using System.Management.Automation;
using System.IO;
using System.Net.Http;
using OktaBaton.Core;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// Turns engine and Okta failures into ErrorRecords with stable ErrorIds and the right category.
/// ErrorIds never carry message text; Okta's errorCode, errorId and request id travel in the message.
/// </summary>
internal static class OktaErrorRecords
{
    public static ErrorRecord From(Exception exception, object? target, string? subject = null)
    {
        var (errorId, category, advice) = Classify(exception, subject);
        var record = new ErrorRecord(exception, errorId, category, FileOf(exception) ?? target)
        {
            ErrorDetails = new ErrorDetails(exception.Message) { RecommendedAction = advice ?? string.Empty },
        };
        return record;
    }

    private static (string ErrorId, ErrorCategory Category, string? Advice) Classify(Exception exception, string? subject)
    {
        switch (exception)
        {
            case OktaAssignedThroughGroupException throughGroup when throughGroup.InsteadGrantIds.Count > 0:
                return (throughGroup.ErrorId, CategoryOf(throughGroup.Kind),
                    "Revoke the group's grant (for all its members) or the membership instead, e.g. Revoke-OktaEntitlement -GrantId '"
                    + throughGroup.InsteadGrantIds[0] + "' or Revoke-OktaEntitlement -GrantId '" + throughGroup.InsteadGrantIds[throughGroup.InsteadGrantIds.Count > 1 ? 1 : 0] + "'.");
            case OktaOperationException operation:
                return (operation.ErrorId, CategoryOf(operation.Kind), null);
            case OktaApiException api:
                return ClassifyApi(api, subject);
            case OktaPagingException:
                return ("OktaPagingFailed", ErrorCategory.InvalidResult, "Okta's paging links misbehaved; try again, and report it if it persists.");
            case SyncFileFormatException { FileVersion: not null }:
                return ("OktaSyncFileVersionUnsupported", ErrorCategory.InvalidData, null);
            case SyncFileFormatException:
                return ("OktaSyncFileInvalid", ErrorCategory.InvalidData, "Run Invoke-OktaSync again to write a fresh sync file.");
            case FileNotFoundException:
                return (subject == "SyncFile" ? "OktaSyncFileNotFound" : "OktaFileNotFound", ErrorCategory.ObjectNotFound, "Check the path.");
            case PSArgumentException or ArgumentException:
                return ("OktaInvalidArgument", ErrorCategory.InvalidArgument, null);
            case TimeoutException:
                return ("OktaTimeout", ErrorCategory.OperationTimeout, "Try again, or raise the request timeout.");
            case HttpRequestException:
                return ("OktaConnectionFailed", ErrorCategory.ConnectionError, "Check the domain and the network path to Okta.");
            case OperationCanceledException:
                return ("OktaOperationCanceled", ErrorCategory.OperationStopped, null);
            default:
                return ("OktaUnexpectedError", ErrorCategory.NotSpecified, null);
        }
    }

    /// <summary>The file a failure is about, as the error's target, when the exception names one.</summary>
    private static string? FileOf(Exception exception) => exception switch
    {
        SyncFileFormatException format => format.FilePath,
        FileNotFoundException missing => missing.FileName,
        _ => null,
    };

    private static (string, ErrorCategory, string?) ClassifyApi(OktaApiException api, string? subject)
    {
        if (api.IsAuthenticationFailure)
        {
            return ("OktaAuthenticationFailed", ErrorCategory.AuthenticationError, "Check the API token or OAuth credentials; Connect-Okta again.");
        }

        if (api.IsRateLimited)
        {
            return ("OktaRateLimited", ErrorCategory.LimitsExceeded, "Okta's rate limit held after every retry; wait for the window to reset or lower -ThrottleLimit.");
        }

        if (api.IsNotFound)
        {
            return ($"Okta{subject}NotFound", ErrorCategory.ObjectNotFound, "Check the id or login.");
        }

        if (api.IsPermissionDenied)
        {
            return ("OktaPermissionDenied", ErrorCategory.PermissionDenied, "The token's admin (or the service app's scopes and roles) does not allow this call.");
        }

        return api.StatusCode switch
        {
            403 => ("OktaForbidden", ErrorCategory.PermissionDenied, null),
            409 => ("OktaConflict", ErrorCategory.ResourceExists, null),
            400 => ("OktaInvalidRequest", ErrorCategory.InvalidArgument, null),
            >= 200 and < 300 => ("OktaInvalidResponse", ErrorCategory.InvalidResult, "Okta's answer could not be read; try again, and report it if it persists."),
            >= 500 => ("OktaServerError", ErrorCategory.ResourceUnavailable, "Okta had a server fault; try again later."),
            _ => ("OktaRequestFailed", ErrorCategory.NotSpecified, null),
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
        _ => ErrorCategory.NotSpecified,
    };
}
