using System;
using System.Net.Http;

namespace OktaBaton.Core.Okta;

/// <summary>What the retry strategy needs to know about one logical request across its attempts.</summary>
internal sealed class RequestState
{
    public RequestState(HttpMethod method, Uri uri, byte[]? body)
    {
        Method = method;
        Uri = uri;
        Body = body;
    }

    public HttpMethod Method { get; }

    public Uri Uri { get; }

    public byte[]? Body { get; }

    /// <summary>The path shown in errors: never the query string.</summary>
    public string Path => Uri.AbsolutePath;

    /// <summary>0 on the first attempt, n on the n-th retry.</summary>
    public int RetryCount { get; set; }

    /// <summary>X-Okta-Request-Id of the answer that caused the current retry.</summary>
    public string? RetryFor { get; set; }
}
