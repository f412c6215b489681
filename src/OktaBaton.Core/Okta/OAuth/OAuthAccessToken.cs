using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>An access token from the org authorization server. <see cref="ToString"/> never shows the token.</summary>
internal sealed class OAuthAccessToken
{
    public OAuthAccessToken(string value, bool isDPoP, DateTimeOffset expiresAt, IReadOnlyList<string> scopes)
    {
        Value = value;
        IsDPoP = isDPoP;
        ExpiresAt = expiresAt;
        Scopes = scopes;
    }

    public string Value { get; }
    public bool IsDPoP { get; }
    public DateTimeOffset ExpiresAt { get; }
    public IReadOnlyList<string> Scopes { get; }

    public override string ToString() => $"{(IsDPoP ? "DPoP" : "Bearer")} token until {ExpiresAt:u}";
}
