using System;
using System.Globalization;

namespace OktaBaton.Core.Okta;

/// <summary>An attempt got no complete answer within the request timeout (and retries, if allowed, also failed).</summary>
public sealed class OktaTimeoutException : TimeoutException
{
    public OktaTimeoutException(string method, string path, TimeSpan timeout)
        : base(string.Format(CultureInfo.InvariantCulture,
            "Okta did not answer {0} {1} within {2:0.###} s (request timeout).", method, path, timeout.TotalSeconds))
    {
        Method = method;
        Path = path;
        Timeout = timeout;
    }

    public string Method { get; }

    public string Path { get; }

    public TimeSpan Timeout { get; }
}
