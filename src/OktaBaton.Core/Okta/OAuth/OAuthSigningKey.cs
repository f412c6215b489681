using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// A private key (RSA ≥ 2048 bits, or EC P-256/P-384/P-521) that signs client assertions and DPoP proofs.
/// Parsing and signing use BouncyCastle so the same code runs on .NET Framework (Windows PowerShell 5.1)
/// and .NET 8+. <see cref="ToString"/> never reveals key material.
/// </summary>
public sealed class OAuthSigningKey
{
    private readonly AsymmetricKeyParameter _privateKey;
    private readonly string _signerName;

    private OAuthSigningKey(AsymmetricKeyParameter privateKey, string algorithm, string signerName, IReadOnlyList<KeyValuePair<string, string>> publicJwk)
    {
        _privateKey = privateKey;
        Algorithm = algorithm;
        _signerName = signerName;
        PublicJwk = publicJwk;
        Thumbprint = ComputeThumbprint(publicJwk);
    }

    /// <summary>JWS algorithm: RS256, ES256, ES384 or ES512.</summary>
    public string Algorithm { get; }

    /// <summary>"RSA" or "EC".</summary>
    public string KeyType => Algorithm.StartsWith("RS", StringComparison.Ordinal) ? "RSA" : "EC";

    /// <summary>The public JWK members in RFC 7638 (lexicographic) order: kty/n/e or crv/kty/x/y.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> PublicJwk { get; }

    /// <summary>RFC 7638 SHA-256 thumbprint of the public key (base64url); public, safe to show.</summary>
    public string Thumbprint { get; }

    /// <summary>Parses a PEM private key: PKCS#1 RSA, SEC1 EC, or PKCS#8 of either. Literal "\n" sequences and
    /// lines joined by spaces (as environment variables often carry them) are accepted.</summary>
    public static OAuthSigningKey FromPem(string pem)
    {
        if (pem is null) throw new ArgumentNullException(nameof(pem));
        var key = PemPrivateKeyReader.Read(pem);
        return FromKeyParameter(key);
    }

    /// <summary>Parses PEM text held in a SecureString (the plain copy lives only for the parse).</summary>
    public static OAuthSigningKey FromPem(System.Security.SecureString pem)
    {
        if (pem is null) throw new ArgumentNullException(nameof(pem));
        var pointer = IntPtr.Zero;
        try
        {
            pointer = System.Runtime.InteropServices.Marshal.SecureStringToGlobalAllocUnicode(pem);
            return FromPem(System.Runtime.InteropServices.Marshal.PtrToStringUni(pointer) ?? string.Empty);
        }
        finally
        {
            if (pointer != IntPtr.Zero) System.Runtime.InteropServices.Marshal.ZeroFreeGlobalAllocUnicode(pointer);
        }
    }

    /// <summary>Reads and parses a PEM private key file.</summary>
    public static OAuthSigningKey FromPemFile(string path)
    {
        if (path is null) throw new ArgumentNullException(nameof(path));
        var kind = IO.FileKinds.OfTarget(path);
        if (kind == IO.FileKind.Missing) throw new OAuthKeyException($"The private key file '{path}' does not exist: check -PrivateKeyPath.");
        if (kind != IO.FileKind.RegularFile)
        {
            // a FIFO would block the read until someone writes to it; a directory is a wrong path, not a denied one
            throw new OAuthKeyException($"'{path}' is {IO.FileKinds.Describe(kind)}, not a private key file: give -PrivateKeyPath the path of the PEM file.");
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is NotSupportedException || e is ArgumentException)
        {
            throw new OAuthKeyException($"Cannot read the private key file '{path}': {e.Message}", e);
        }
        return FromPem(text);
    }

    internal byte[] Sign(byte[] data)
    {
        var signer = SignerUtilities.GetSigner(_signerName);
        signer.Init(true, _privateKey);
        signer.BlockUpdate(data, 0, data.Length);
        return signer.GenerateSignature();
    }

    public override string ToString() => $"{Algorithm} key {Thumbprint}";

    private static OAuthSigningKey FromKeyParameter(AsymmetricKeyParameter key)
    {
        switch (key)
        {
            case RsaPrivateCrtKeyParameters rsa:
                if (rsa.Modulus.BitLength < 2048)
                    throw new OAuthKeyException($"The RSA key is {rsa.Modulus.BitLength} bits; Okta requires at least 2048.");
                return new OAuthSigningKey(rsa, "RS256", "SHA-256withRSA", new[]
                {
                    Member("e", rsa.PublicExponent.ToByteArrayUnsigned()),
                    new KeyValuePair<string, string>("kty", "RSA"),
                    Member("n", rsa.Modulus.ToByteArrayUnsigned()),
                });
            case ECPrivateKeyParameters ec:
                return FromEc(ec);
            default:
                throw new OAuthKeyException("The private key is neither RSA nor EC; use an RSA (2048+ bits) or EC P-256 key.");
        }
    }

    private static OAuthSigningKey FromEc(ECPrivateKeyParameters ec)
    {
        var (curve, algorithm, hash, size) = NamedCurve(ec);
        var q = ec.Parameters.G.Multiply(ec.D).Normalize();
        return new OAuthSigningKey(ec, algorithm, hash + "withPLAIN-ECDSA", new[]
        {
            new KeyValuePair<string, string>("crv", curve),
            new KeyValuePair<string, string>("kty", "EC"),
            Member("x", Pad(q.AffineXCoord.ToBigInteger().ToByteArrayUnsigned(), size)),
            Member("y", Pad(q.AffineYCoord.ToBigInteger().ToByteArrayUnsigned(), size)),
        });
    }

    private static (string Curve, string Algorithm, string Hash, int Size) NamedCurve(ECPrivateKeyParameters ec)
    {
        foreach (var (name, alg, hash, size) in new[]
                 {
                     ("P-256", "ES256", "SHA-256", 32), ("P-384", "ES384", "SHA-384", 48), ("P-521", "ES512", "SHA-512", 66),
                 })
        {
            var known = Org.BouncyCastle.Asn1.Nist.NistNamedCurves.GetByName(name);
            if (known.Curve.Equals(ec.Parameters.Curve) && known.G.Equals(ec.Parameters.G))
                return (name, alg, hash, size);
        }
        throw new OAuthKeyException("The EC key is not on a supported curve; use P-256 (prime256v1/secp256r1).");
    }

    private static byte[] Pad(byte[] value, int size)
    {
        if (value.Length == size) return value;
        var padded = new byte[size];
        Buffer.BlockCopy(value, 0, padded, size - value.Length, value.Length);
        return padded;
    }

    private static KeyValuePair<string, string> Member(string name, byte[] value) =>
        new KeyValuePair<string, string>(name, Base64Url.Encode(value));

    private static string ComputeThumbprint(IReadOnlyList<KeyValuePair<string, string>> jwk)
    {
        var json = new StringBuilder("{");
        for (var i = 0; i < jwk.Count; i++)
        {
            if (i > 0) json.Append(',');
            json.Append('"').Append(jwk[i].Key).Append("\":\"").Append(jwk[i].Value).Append('"');
        }
        json.Append('}');
        using var sha = SHA256.Create();
        return Base64Url.Encode(sha.ComputeHash(Encoding.UTF8.GetBytes(json.ToString())));
    }
}
