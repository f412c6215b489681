using Xunit;
using System.Security.Cryptography;
using System.Text;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Simulator.OAuth;

namespace OktaBaton.Core.Tests.OAuth;

public sealed class JwtBuilderTests
{
    private static readonly Uri TokenUrl = new("https://example.okta.com/oauth2/v1/token");

    [Theory]
    [MemberData(nameof(SigningKeyTests.PrivateKeys), MemberType = typeof(SigningKeyTests))]
    public void ClientAssertionCarriesOktasClaimsAndVerifiesWithTheRegisteredPublicKey(string kind, string algorithm)
    {
        var key = OAuthSigningKey.FromPem(SigningKeyTests.PemFor(kind));
        var builder = new ClientAssertionBuilder("0oaClient", "kid-1", key);
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

        var jws = SimJws.TryParse(builder.Build(TokenUrl, now))!;
        var other = SimJws.TryParse(builder.Build(TokenUrl, now))!;

        Assert.True(SimPublicKey.FromPem(SigningKeyTests.PublicPemFor(kind)).Verify(jws.Algorithm, jws.SigningInput, jws.Signature));
        Assert.Equal(algorithm, jws.Algorithm);
        Assert.Equal("kid-1", jws.HeaderString("kid"));
        Assert.Equal("0oaClient", jws.ClaimString("iss"));
        Assert.Equal("0oaClient", jws.ClaimString("sub"));
        Assert.Equal("https://example.okta.com/oauth2/v1/token", jws.ClaimString("aud"));
        Assert.Equal(1_700_000_000, jws.ClaimSeconds("iat"));
        Assert.Equal(1_700_000_300, jws.ClaimSeconds("exp"));
        Assert.False(string.IsNullOrEmpty(jws.ClaimString("jti")));
        Assert.NotEqual(jws.ClaimString("jti"), other.ClaimString("jti"));
    }

    [Fact]
    public void ASignatureDoesNotVerifyWithAnotherKey()
    {
        var key = OAuthSigningKey.FromPem(TestKeys.OtherRsaPkcs8Pem);
        var jws = SimJws.TryParse(new ClientAssertionBuilder("c", "k", key).Build(TokenUrl, DateTimeOffset.UtcNow))!;

        Assert.False(SimPublicKey.FromPem(TestKeys.RsaPublicPem).Verify(jws.Algorithm, jws.SigningInput, jws.Signature));
    }

    [Theory]
    [MemberData(nameof(SigningKeyTests.PrivateKeys), MemberType = typeof(SigningKeyTests))]
    public void DPoPProofCarriesThePublicJwkAndTheRequestWithoutQueryOrFragment(string kind, string algorithm)
    {
        var key = OAuthSigningKey.FromPem(SigningKeyTests.PemFor(kind));
        var now = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);
        const string token = "an-access-token";

        var proof = SimJws.TryParse(new DPoPProofBuilder(key).Build(
            HttpMethod.Get, new Uri("https://example.okta.com/api/v1/users?limit=200&after=x#frag"), now, "server-nonce", token))!;

        Assert.Equal("dpop+jwt", proof.HeaderString("typ"));
        Assert.Equal(algorithm, proof.Algorithm);
        var jwk = proof.Header.GetProperty("jwk");
        Assert.False(jwk.TryGetProperty("d", out _));
        var publicKey = SimPublicKey.FromJwk(jwk)!;
        Assert.True(publicKey.Verify(proof.Algorithm, proof.SigningInput, proof.Signature));
        Assert.Equal(SimPublicKey.FromPem(SigningKeyTests.PublicPemFor(kind)).Thumbprint, publicKey.Thumbprint);
        Assert.Equal("GET", proof.ClaimString("htm"));
        Assert.Equal("https://example.okta.com/api/v1/users", proof.ClaimString("htu"));
        Assert.Equal(1_700_000_000, proof.ClaimSeconds("iat"));
        Assert.Equal("server-nonce", proof.ClaimString("nonce"));
        var expectedAth = Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(token))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expectedAth, proof.ClaimString("ath"));
        Assert.False(string.IsNullOrEmpty(proof.ClaimString("jti")));
    }

    [Fact]
    public void ATokenRequestProofHasNoAthAndNoNonceUntilOneIsKnown()
    {
        var key = OAuthSigningKey.FromPem(TestKeys.EcPkcs8Pem);

        var proof = SimJws.TryParse(new DPoPProofBuilder(key).Build(HttpMethod.Post, TokenUrl, DateTimeOffset.UtcNow))!;

        Assert.Equal("POST", proof.ClaimString("htm"));
        Assert.False(proof.Payload.TryGetProperty("ath", out _));
        Assert.False(proof.Payload.TryGetProperty("nonce", out _));
    }
}
