using Xunit;
using System.Security.Cryptography;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.Simulator.OAuth;

namespace OktaBaton.Core.Tests.OAuth;

public sealed class SigningKeyTests
{
    public static TheoryData<string, string> PrivateKeys => new()
    {
        { "rsa-pkcs1", "RS256" },
        { "rsa-pkcs8", "RS256" },
        { "ec-sec1", "ES256" },
        { "ec-pkcs8", "ES256" },
    };

    internal static string PemFor(string kind) => kind switch
    {
        "rsa-pkcs1" => TestKeys.RsaPkcs1Pem,
        "rsa-pkcs8" => TestKeys.RsaPkcs8Pem,
        "ec-sec1" => TestKeys.EcSec1Pem,
        "ec-pkcs8" => TestKeys.EcPkcs8Pem,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    internal static string PublicPemFor(string kind) => kind.StartsWith("rsa", StringComparison.Ordinal) ? TestKeys.RsaPublicPem : TestKeys.EcPublicPem;

    [Theory]
    [MemberData(nameof(PrivateKeys))]
    public void ParsesEachPemFormAndDerivesThePublicKeyTheSimulatorComputesIndependently(string kind, string algorithm)
    {
        var key = OAuthSigningKey.FromPem(PemFor(kind));

        Assert.Equal(algorithm, key.Algorithm);
        Assert.Equal(SimPublicKey.FromPem(PublicPemFor(kind)).Thumbprint, key.Thumbprint);
    }

    [Theory]
    [MemberData(nameof(PrivateKeys))]
    public void AcceptsLiteralBackslashNAndSpaceJoinedLinesAsEnvironmentVariablesCarryThem(string kind, string algorithm)
    {
        var pem = PemFor(kind).Trim();
        var expected = SimPublicKey.FromPem(PublicPemFor(kind)).Thumbprint;

        var escaped = OAuthSigningKey.FromPem(pem.Replace("\n", "\\n", StringComparison.Ordinal));
        var joined = OAuthSigningKey.FromPem(pem.Replace("\n", " ", StringComparison.Ordinal));
        var crlf = OAuthSigningKey.FromPem("  \r\n" + pem.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n");

        Assert.Equal(algorithm, escaped.Algorithm);
        Assert.Equal(expected, escaped.Thumbprint);
        Assert.Equal(expected, joined.Thumbprint);
        Assert.Equal(expected, crlf.Thumbprint);
    }

    [Fact]
    public void FindsTheKeyBlockAfterAnEcParametersBlock()
    {
        var pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + TestKeys.EcSec1Pem;

        Assert.Equal("ES256", OAuthSigningKey.FromPem(pem).Algorithm);
    }

    [Fact]
    public void APublicKeyIsRejectedWithAdviceAndWithoutEchoingIt()
    {
        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPem(TestKeys.RsaPublicPem));

        Assert.Contains("public key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Body(TestKeys.RsaPublicPem), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ATruncatedKeyIsRejectedWithoutEchoingIt()
    {
        var pem = TestKeys.RsaPkcs8Pem;
        var truncated = pem[..(pem.Length / 2)] + "\n-----END PRIVATE KEY-----\n";

        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPem(truncated));

        Assert.Contains("could not be parsed", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestKeys.Body(pem), error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutAPemBlockSaysWhatWasExpected()
    {
        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPem("not a key at all"));

        Assert.Contains("BEGIN PRIVATE KEY", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not a key at all", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEncryptedKeyIsRejectedWithAdvice()
    {
        var encrypted = TestKeys.Ec.ExportEncryptedPkcs8PrivateKeyPem("pw".AsSpan(),
            new PbeParameters(PbeEncryptionAlgorithm.Aes128Cbc, HashAlgorithmName.SHA256, 1000));

        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPem(encrypted));

        Assert.Contains("encrypted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortRsaKeyIsRejected()
    {
        using var small = RSA.Create(1024);

        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPem(small.ExportPkcs8PrivateKeyPem()));

        Assert.Contains("2048", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AKeyOnAnUnsupportedCurveIsRejected()
    {
        using var k1 = ECDsa.Create(ECCurve.CreateFromFriendlyName("secP256k1"));

        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPem(k1.ExportPkcs8PrivateKeyPem()));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToStringShowsOnlyPublicFacts()
    {
        var key = OAuthSigningKey.FromPem(TestKeys.RsaPkcs8Pem);

        Assert.Equal($"RS256 key {key.Thumbprint}", key.ToString());
    }

    [Fact]
    public void ReadsAKeyFileAndNamesAMissingFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"oktabaton-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, TestKeys.EcPkcs8Pem);
        try
        {
            Assert.Equal("ES256", OAuthSigningKey.FromPemFile(path).Algorithm);
        }
        finally
        {
            File.Delete(path);
        }

        var error = Assert.Throws<OAuthKeyException>(() => OAuthSigningKey.FromPemFile(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
