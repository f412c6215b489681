using System;
using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>What an OAuth service app connection needs. <see cref="ToString"/> shows ids only, never the key.</summary>
public sealed class OAuthClientSettings
{
    public OAuthClientSettings(string clientId, string keyId, OAuthSigningKey key, IEnumerable<string>? scopes = null)
    {
        if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("A client id is required.", nameof(clientId));
        if (string.IsNullOrWhiteSpace(keyId)) throw new ArgumentException("A key id (kid) is required.", nameof(keyId));
        ClientId = clientId.Trim();
        KeyId = keyId.Trim();
        Key = key ?? throw new ArgumentNullException(nameof(key));
        var list = (scopes ?? OAuthScopes.Default).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (list.Count == 0) throw new ArgumentException("At least one scope is required.", nameof(scopes));
        if (list.Any(s => s.Contains(' '))) throw new ArgumentException("A scope cannot contain spaces; pass each scope separately.", nameof(scopes));
        Scopes = list;
    }

    public string ClientId { get; }
    public string KeyId { get; }
    public OAuthSigningKey Key { get; }
    public IReadOnlyList<string> Scopes { get; }

    /// <summary>Send DPoP proofs from the first token request instead of waiting for Okta to demand them.</summary>
    public bool UseDPoP { get; set; }

    public override string ToString() => $"OAuth client {ClientId} (kid {KeyId}, {Key.Algorithm})";
}
