using System;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// Builds private_key_jwt client assertions (RFC 7523): iss = sub = client id, aud = token URL,
/// a short lifetime, a unique jti and the key id in the header.
/// </summary>
public sealed class ClientAssertionBuilder
{
    /// <summary>Okta accepts up to one hour; a short life limits the damage of a leaked assertion.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly string _clientId;
    private readonly string _keyId;
    private readonly OAuthSigningKey _key;

    public ClientAssertionBuilder(string clientId, string keyId, OAuthSigningKey key)
    {
        if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("A client id is required.", nameof(clientId));
        if (string.IsNullOrWhiteSpace(keyId)) throw new ArgumentException("A key id is required.", nameof(keyId));
        _clientId = clientId;
        _keyId = keyId;
        _key = key ?? throw new ArgumentNullException(nameof(key));
    }

    public string Build(Uri tokenUrl, DateTimeOffset now)
    {
        if (tokenUrl is null) throw new ArgumentNullException(nameof(tokenUrl));
        var issuedAt = now.ToUnixTimeSeconds();
        return JwsWriter.Sign(_key,
            header =>
            {
                header.WriteString("kid", _keyId);
                header.WriteString("typ", "JWT");
            },
            claims =>
            {
                claims.WriteString("iss", _clientId);
                claims.WriteString("sub", _clientId);
                claims.WriteString("aud", tokenUrl.AbsoluteUri);
                claims.WriteNumber("iat", issuedAt);
                claims.WriteNumber("exp", issuedAt + (long)Lifetime.TotalSeconds);
                claims.WriteString("jti", Guid.NewGuid().ToString("N"));
            });
    }
}
