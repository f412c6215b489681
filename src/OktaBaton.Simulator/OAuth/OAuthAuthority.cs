using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace OktaBaton.Simulator.OAuth;

/// <summary>
/// The simulated org authorization server's state: registered clients, issued tokens, used assertion ids,
/// DPoP nonces. The token endpoint and the resource-side check share it.
/// </summary>
public sealed class OAuthAuthority
{
    private readonly ConcurrentDictionary<string, IssuedAccessToken> _tokens = new(StringComparer.Ordinal);

    public OAuthAuthority(OAuthServerOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        Nonces = new DPoPNonceSource(options);
        Proofs = new DPoPProofValidator(options);
    }

    public OAuthServerOptions Options { get; }
    internal DPoPNonceSource Nonces { get; }
    internal DPoPProofValidator Proofs { get; }
    internal ReplayCache UsedAssertionIds { get; } = new();

    /// <summary>Number of tokens issued so far (tests use it to see refreshes).</summary>
    public int IssuedTokenCount => _tokens.Count;

    /// <summary>Every access token issued so far, so tests can scan output for leaks.</summary>
    public IReadOnlyCollection<string> IssuedTokenValues => _tokens.Keys.ToList();

    public OAuthClientRegistration? FindClient(string? clientId) =>
        clientId is null ? null : Options.Clients.FirstOrDefault(c => c.ClientId == clientId);

    internal string Issue(OAuthClientRegistration client, IReadOnlySet<string> scopes, string? keyThumbprint, out IssuedAccessToken issued)
    {
        var token = SimJws.Encode(RandomNumberGenerator.GetBytes(32));
        issued = new IssuedAccessToken(client.ClientId, scopes, Options.TimeProvider.GetUtcNow() + Options.AccessTokenLifetime, keyThumbprint);
        _tokens[token] = issued;
        return token;
    }

    internal IssuedAccessToken? Find(string token) => _tokens.TryGetValue(token, out var issued) ? issued : null;
}
