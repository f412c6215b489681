using System;
using System.Net.Http;

namespace OktaBaton.Core.Okta;

/// <summary>
/// The org could not be reached (DNS, refused or reset connection, TLS), after any retries. An
/// HttpRequestException, so callers that handle connection failures generally handle this one too.
/// </summary>
public sealed class OktaConnectionException : HttpRequestException
{
    public OktaConnectionException(string origin, string method, string path, Exception innerException)
        : base($"Could not reach Okta at {origin} for {method} {path}: {innerException?.Message}", innerException)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    public string Path { get; }
}
