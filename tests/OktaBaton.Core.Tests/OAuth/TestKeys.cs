using Xunit;
using System.Security.Cryptography;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>Keys generated once per test run (RSA generation is the slow part), exported in every PEM form.</summary>
internal static class TestKeys
{
    private static readonly Lazy<RSA> LazyRsa = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> LazyOtherRsa = new(() => RSA.Create(2048));
    private static readonly Lazy<ECDsa> LazyEc = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static RSA Rsa => LazyRsa.Value;
    public static RSA OtherRsa => LazyOtherRsa.Value;
    public static ECDsa Ec => LazyEc.Value;

    public static string RsaPkcs1Pem => Rsa.ExportRSAPrivateKeyPem();
    public static string RsaPkcs8Pem => Rsa.ExportPkcs8PrivateKeyPem();
    public static string RsaPublicPem => Rsa.ExportSubjectPublicKeyInfoPem();
    public static string OtherRsaPkcs8Pem => OtherRsa.ExportPkcs8PrivateKeyPem();
    public static string EcSec1Pem => Ec.ExportECPrivateKeyPem();
    public static string EcPkcs8Pem => Ec.ExportPkcs8PrivateKeyPem();
    public static string EcPublicPem => Ec.ExportSubjectPublicKeyInfoPem();

    /// <summary>The base64 body of a PEM: what must never show up in any message.</summary>
    public static string Body(string pem) =>
        string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)).Select(l => l.Trim())).Substring(0, 40);
}
