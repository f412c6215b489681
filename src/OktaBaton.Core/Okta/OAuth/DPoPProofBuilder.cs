using System;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// Builds DPoP proofs (RFC 9449): typ dpop+jwt, the public JWK in the header, and htm, htu, iat, jti,
/// plus nonce when the server demanded one and ath when presenting an access token.
/// </summary>
public sealed class DPoPProofBuilder
{
    private readonly OAuthSigningKey _key;

    public DPoPProofBuilder(OAuthSigningKey key) => _key = key ?? throw new ArgumentNullException(nameof(key));

    public string Build(HttpMethod method, Uri uri, DateTimeOffset now, string? nonce = null, string? accessToken = null)
    {
        if (method is null) throw new ArgumentNullException(nameof(method));
        if (uri is null) throw new ArgumentNullException(nameof(uri));
        return JwsWriter.Sign(_key,
            header =>
            {
                header.WriteString("typ", "dpop+jwt");
                JwsWriter.WritePublicJwk(header, _key);
            },
            claims =>
            {
                claims.WriteString("htm", method.Method.ToUpperInvariant());
                claims.WriteString("htu", TargetUri(uri));
                claims.WriteNumber("iat", now.ToUnixTimeSeconds());
                claims.WriteString("jti", Guid.NewGuid().ToString("N"));
                if (!string.IsNullOrEmpty(nonce)) claims.WriteString("nonce", nonce);
                if (accessToken != null) claims.WriteString("ath", AccessTokenHash(accessToken));
            });
    }

    /// <summary>
    /// The htu value: the request URI without query and fragment (RFC 9449 §4.2), with its path percent-decoded. Okta
    /// decodes the request path before comparing it with htu, so a login sent as /users/ana%40example.com must be
    /// proved as /users/ana@example.com (okta/okta-sdk-python#541; the Java SDK decodes likewise, okta-sdk-java#1526).
    /// </summary>
    public static string TargetUri(Uri uri)
    {
        if (uri is null) throw new ArgumentNullException(nameof(uri));
        return uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + Uri.UnescapeDataString(uri.AbsolutePath);
    }

    /// <summary>ath: base64url(SHA-256(ASCII access token)).</summary>
    public static string AccessTokenHash(string accessToken)
    {
        if (accessToken is null) throw new ArgumentNullException(nameof(accessToken));
        using var sha = SHA256.Create();
        return Base64Url.Encode(sha.ComputeHash(Encoding.ASCII.GetBytes(accessToken)));
    }
}
