using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OktaBaton.Simulator.OAuth;

/// <summary>
/// A public key the simulator verifies signatures with: a client's registered key (from PEM) or the JWK
/// carried in a DPoP proof. Independent of the module's own JWT code on purpose.
/// </summary>
public sealed class SimPublicKey
{
    private readonly RSA? _rsa;
    private readonly ECDsa? _ec;
    private readonly string? _curve;

    private SimPublicKey(RSA? rsa, ECDsa? ec, string? curve)
    {
        _rsa = rsa;
        _ec = ec;
        _curve = curve;
        Thumbprint = ComputeThumbprint();
    }

    /// <summary>RFC 7638 SHA-256 JWK thumbprint, base64url. The simulator uses it as the default key id.</summary>
    public string Thumbprint { get; }

    /// <summary>Reads a PEM public key (SPKI or PKCS#1); a private key PEM is accepted and only its public half kept.</summary>
    public static SimPublicKey FromPem(string pem)
    {
        if (TryEc(pem) is { } ec) return FromEc(ec);
        var rsa = RSA.Create();
        try
        {
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new ArgumentException("The PEM holds no RSA or EC key.", nameof(pem));
        }
        var publicOnly = RSA.Create();
        publicOnly.ImportParameters(rsa.ExportParameters(false));
        return new SimPublicKey(publicOnly, null, null);
    }

    public static SimPublicKey? FromJwk(JsonElement jwk)
    {
        if (jwk.ValueKind != JsonValueKind.Object) return null;
        try
        {
            switch (Member(jwk, "kty"))
            {
                case "RSA":
                    var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters
                    {
                        Modulus = SimJws.Decode(Member(jwk, "n") ?? ""),
                        Exponent = SimJws.Decode(Member(jwk, "e") ?? ""),
                    });
                    return new SimPublicKey(rsa, null, null);
                case "EC":
                    var curve = Member(jwk, "crv");
                    var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = curve switch
                        {
                            "P-256" => ECCurve.NamedCurves.nistP256,
                            "P-384" => ECCurve.NamedCurves.nistP384,
                            "P-521" => ECCurve.NamedCurves.nistP521,
                            _ => throw new CryptographicException("unsupported curve"),
                        },
                        Q = new ECPoint { X = SimJws.Decode(Member(jwk, "x") ?? ""), Y = SimJws.Decode(Member(jwk, "y") ?? "") },
                    });
                    return new SimPublicKey(null, ec, curve);
                default:
                    return null;
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    public bool Verify(string? algorithm, byte[] data, byte[] signature)
    {
        try
        {
            return algorithm switch
            {
                "RS256" when _rsa != null => _rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                "RS384" when _rsa != null => _rsa.VerifyData(data, signature, HashAlgorithmName.SHA384, RSASignaturePadding.Pkcs1),
                "RS512" when _rsa != null => _rsa.VerifyData(data, signature, HashAlgorithmName.SHA512, RSASignaturePadding.Pkcs1),
                "ES256" when _curve == "P-256" => _ec!.VerifyData(data, signature, HashAlgorithmName.SHA256),
                "ES384" when _curve == "P-384" => _ec!.VerifyData(data, signature, HashAlgorithmName.SHA384),
                "ES512" when _curve == "P-521" => _ec!.VerifyData(data, signature, HashAlgorithmName.SHA512),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static ECDsa? TryEc(string pem)
    {
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            return ec;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            return null;
        }
    }

    private static SimPublicKey FromEc(ECDsa ec)
    {
        var parameters = ec.ExportParameters(false);
        var curve = parameters.Curve.Oid.FriendlyName switch
        {
            "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1" => "P-256",
            "nistP384" or "ECDSA_P384" or "secp384r1" => "P-384",
            "nistP521" or "ECDSA_P521" or "secp521r1" => "P-521",
            var other => throw new ArgumentException($"unsupported EC curve {other}"),
        };
        var publicOnly = ECDsa.Create(new ECParameters { Curve = parameters.Curve, Q = parameters.Q });
        return new SimPublicKey(null, publicOnly, curve);
    }

    private string ComputeThumbprint()
    {
        string json;
        if (_rsa != null)
        {
            var p = _rsa.ExportParameters(false);
            json = $"{{\"e\":\"{SimJws.Encode(p.Exponent!)}\",\"kty\":\"RSA\",\"n\":\"{SimJws.Encode(p.Modulus!)}\"}}";
        }
        else
        {
            var p = _ec!.ExportParameters(false);
            json = $"{{\"crv\":\"{_curve}\",\"kty\":\"EC\",\"x\":\"{SimJws.Encode(p.Q.X!)}\",\"y\":\"{SimJws.Encode(p.Q.Y!)}\"}}";
        }
        return SimJws.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    private static string? Member(JsonElement jwk, string name) =>
        jwk.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
