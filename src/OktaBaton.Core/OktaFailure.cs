using System;
using System.IO;
using System.Net.Http;
using System.Security;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core;

/// <summary>
/// What any engine failure is, for a front end: a stable id (e.g. OktaUserNotFound, OktaDiskFull), its kind, and
/// what to do about it. Every failure the engine knows of has its own id; <c>OktaUnexpectedError</c> is kept for
/// bugs, so a user who meets it knows to report it.
/// </summary>
public sealed class OktaFailure
{
    public const string UnexpectedErrorId = "OktaUnexpectedError";

    // errno values (Linux, macOS) and Windows HRESULTs of a full disk or quota; .NET puts them in IOException.HResult
    private const int Enospc = 28, Edquot = 122, EdquotMac = 69, Efbig = 27;
    private const int ErrorDiskFull = unchecked((int)0x80070070), ErrorHandleDiskFull = unchecked((int)0x80070027);

    private OktaFailure(string errorId, OktaFailureKind kind, string? advice, string? file = null)
    {
        ErrorId = errorId;
        Kind = kind;
        Advice = advice;
        File = file;
    }

    /// <summary>Stable, never message text: scripts and CI match on it.</summary>
    public string ErrorId { get; }

    public OktaFailureKind Kind { get; }

    /// <summary>What the user can do, when the message itself does not say it.</summary>
    public string? Advice { get; }

    /// <summary>The local file the failure is about, when there is one (the error's natural target).</summary>
    public string? File { get; }

    /// <summary>
    /// Classifies <paramref name="exception"/>. <paramref name="subject"/> names what a not-found answer was about
    /// ("User", "Group", "SyncFile", …) for ids such as OktaUserNotFound.
    /// </summary>
    public static OktaFailure Classify(Exception exception, string? subject = null)
    {
        if (exception is null) throw new ArgumentNullException(nameof(exception));
        switch (exception)
        {
            case OktaAssignedThroughGroupException throughGroup when throughGroup.InsteadGrantIds.Count > 0:
                return new OktaFailure(throughGroup.ErrorId, throughGroup.Kind,
                    "Revoke the group's grant (for all its members) or the membership instead, e.g. Revoke-OktaEntitlement -GrantId '"
                    + throughGroup.InsteadGrantIds[0] + "' or Revoke-OktaEntitlement -GrantId '" + throughGroup.InsteadGrantIds[throughGroup.InsteadGrantIds.Count > 1 ? 1 : 0] + "'.");
            case OktaOperationException operation:
                return new OktaFailure(operation.ErrorId, operation.Kind, null);
            case OktaApiException api:
                return ClassifyApi(api, subject);
            case OktaPagingException:
                return new OktaFailure("OktaPagingFailed", OktaFailureKind.InvalidResponse, "Okta's paging links misbehaved; try again, and report it if it persists.");
            case SyncFileFormatException { FileVersion: not null } version:
                return new OktaFailure("OktaSyncFileVersionUnsupported", OktaFailureKind.InvalidData, null, version.FilePath);
            case SyncFileFormatException format:
                return new OktaFailure("OktaSyncFileInvalid", OktaFailureKind.InvalidData, "Run Invoke-OktaSync again to write a fresh sync file.", format.FilePath);
            case FileNotFoundException missing:
                return new OktaFailure(subject == "SyncFile" ? "OktaSyncFileNotFound" : "OktaFileNotFound", OktaFailureKind.NotFound, "Check the path.", missing.FileName);
            case DirectoryNotFoundException:
                return new OktaFailure("OktaDirectoryNotFound", OktaFailureKind.NotFound, "Check the path; the directory must exist.");
            case UnauthorizedAccessException or SecurityException:
                return new OktaFailure("OktaFileAccessDenied", OktaFailureKind.PermissionDenied, "Check the file's permissions, or choose another path.");
            case PathTooLongException:
                return new OktaFailure("OktaPathInvalid", OktaFailureKind.InvalidArgument, "Choose a shorter path.");
            case IOException io when IsDiskFull(io):
                return new OktaFailure("OktaDiskFull", OktaFailureKind.WriteFailed, "Free some space (or quota) on that disk, or write to another one; the previous file is untouched.");
            case OktaTimeoutException or TimeoutException:
                return new OktaFailure("OktaTimeout", OktaFailureKind.Timeout, "Try again, or raise the request timeout (Connect-Okta -TimeoutSec).");
            case HttpRequestException:
                return new OktaFailure("OktaConnectionFailed", OktaFailureKind.ConnectionFailed, "Check the domain and the network path to Okta.");
            case IOException:
                return new OktaFailure("OktaFileError", OktaFailureKind.ReadFailed, "Check the disk and the path.");
            case ObjectDisposedException:
                return new OktaFailure("OktaNotConnected", OktaFailureKind.InvalidOperation, "The connection was closed (Disconnect-Okta) while the command ran; run Connect-Okta again.");
            case OperationCanceledException:
                return new OktaFailure("OktaOperationCanceled", OktaFailureKind.Stopped, null);
            case ArgumentException or FormatException:
                return new OktaFailure("OktaInvalidArgument", OktaFailureKind.InvalidArgument, null);
            default:
                return new OktaFailure(UnexpectedErrorId, OktaFailureKind.Unexpected, "This is a bug in OktaBaton: please report it with the error's details (they never hold a token or key).");
        }
    }

    private static bool IsDiskFull(IOException exception)
    {
        var code = exception.HResult;
        return code is Enospc or Edquot or EdquotMac or Efbig or ErrorDiskFull or ErrorHandleDiskFull
            || (code & 0xFFFF) is Enospc or Edquot;
    }

    private static OktaFailure ClassifyApi(OktaApiException api, string? subject)
    {
        if (api.IsDPoPProofRejected)
        {
            return new OktaFailure("OktaOAuthDPoPProofRejected", OktaFailureKind.AuthenticationFailed,
                "Check this computer's clock (DPoP proofs are valid for five minutes) and connect again; report it if it persists.");
        }

        if (api.IsAuthenticationFailure)
        {
            return new OktaFailure("OktaAuthenticationFailed", OktaFailureKind.AuthenticationFailed, "Check the API token or OAuth credentials; Connect-Okta again.");
        }

        if (api.IsRateLimited)
        {
            return new OktaFailure("OktaRateLimited", OktaFailureKind.RateLimited, "Okta's rate limit held after every retry; wait for the window to reset or lower -ThrottleLimit.");
        }

        if (api.IsNotFound)
        {
            return new OktaFailure($"Okta{subject}NotFound", OktaFailureKind.NotFound, "Check the id or login.");
        }

        if (api.IsPermissionDenied)
        {
            return new OktaFailure("OktaPermissionDenied", OktaFailureKind.PermissionDenied, "The token's admin (or the service app's scopes and roles) does not allow this call.");
        }

        return api.StatusCode switch
        {
            403 => new OktaFailure("OktaForbidden", OktaFailureKind.PermissionDenied, null),
            409 => new OktaFailure("OktaConflict", OktaFailureKind.Conflict, null),
            400 or 422 => new OktaFailure("OktaInvalidRequest", OktaFailureKind.InvalidArgument, null),
            405 or 501 => new OktaFailure("OktaNotSupported", OktaFailureKind.InvalidOperation, "Okta does not offer this for that object."),
            >= 200 and < 300 => new OktaFailure("OktaInvalidResponse", OktaFailureKind.InvalidResponse, "Okta's answer could not be read; try again, and report it if it persists."),
            >= 500 => new OktaFailure("OktaServerError", OktaFailureKind.ServerError, "Okta had a server fault; try again later."),
            _ => new OktaFailure("OktaRequestFailed", OktaFailureKind.InvalidOperation, null),
        };
    }
}
