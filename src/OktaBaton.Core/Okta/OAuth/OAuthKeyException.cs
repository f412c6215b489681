using System;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>A private key could not be used. The message says why; it never contains key material.</summary>
public sealed class OAuthKeyException : Exception
{
    public OAuthKeyException(string message) : base(message) { }

    public OAuthKeyException(string message, Exception innerException) : base(message, innerException) { }
}
