using System;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;

namespace OktaBaton.Core.Okta;

/// <summary>Which failures are worth another attempt. Writes are repeated only when Okta cannot have applied them.</summary>
internal static class RetryClassifier
{
    public static bool ShouldRetry(Exception? failure, HttpMethod method)
    {
        switch (failure)
        {
            case null:
                return false;
            case OktaApiException api when api.IsRateLimited:
                // A 429 is refused before any work is done, so even a POST is safe to repeat.
                return true;
            case OktaApiException api when IsTransientStatus(api.StatusCode):
                return IsIdempotent(method);
            case OktaTimeoutException:
                return IsIdempotent(method);
            case HttpRequestException or IOException:
                return !HostDoesNotExist(failure) && (IsIdempotent(method) || NeverReachedServer(failure));
            default:
                return false;
        }
    }

    public static bool IsTransientStatus(int status) => status is 500 or 502 or 503 or 504;

    /// <summary>In Okta GET, HEAD, PUT and DELETE can be repeated without changing the outcome.</summary>
    public static bool IsIdempotent(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put
        || method == HttpMethod.Delete || method == HttpMethod.Options;

    /// <summary>A name that does not resolve will not start resolving within a retry's wait.</summary>
    public static bool HostDoesNotExist(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket && socket.SocketErrorCode is SocketError.HostNotFound or SocketError.NoData)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when the connection was refused or the host unreachable: no byte of the request left.</summary>
    public static bool NeverReachedServer(Exception failure)
    {
        for (var current = failure; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket
                && socket.SocketErrorCode is SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable or SocketError.TryAgain)
            {
                return true;
            }
        }

        return false;
    }
}
