using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// Finds the private-key block in PEM text that may have been mangled on its way through an environment
/// variable or a secret store (literal "\n", CRLF, lines joined by spaces) and parses it.
/// Error messages describe the problem but never quote the input.
/// </summary>
internal static class PemPrivateKeyReader
{
    private static readonly Regex Block = new Regex(
        "-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    public static AsymmetricKeyParameter Read(string pem)
    {
        var text = pem.Replace("\\r", "\r").Replace("\\n", "\n");
        var sawPublic = false;
        foreach (Match block in Block.Matches(text))
        {
            var label = block.Groups[1].Value;
            if (label.Contains("PUBLIC KEY") || label == "CERTIFICATE")
            {
                sawPublic = true;
                continue;
            }
            if (!label.EndsWith("PRIVATE KEY", StringComparison.Ordinal)) continue;
            if (label.StartsWith("ENCRYPTED", StringComparison.Ordinal) || block.Groups[2].Value.Contains("ENCRYPTED"))
                throw new OAuthKeyException("The private key is encrypted; supply it unencrypted (e.g. `openssl pkey -in key.pem -out plain.pem`).");
            if (label != "PRIVATE KEY" && label != "RSA PRIVATE KEY" && label != "EC PRIVATE KEY")
                throw new OAuthKeyException($"Unsupported PEM block '{label}'; expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY.");
            return Parse(label, block.Groups[2].Value);
        }
        throw new OAuthKeyException(sawPublic
            ? "The PEM holds a public key or certificate; Connect-Okta needs the private key (the public half is registered in Okta)."
            : "No PEM private key found; expected text starting with '-----BEGIN PRIVATE KEY-----' (PKCS#8), '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----'.");
    }

    private static AsymmetricKeyParameter Parse(string label, string body)
    {
        var base64 = new StringBuilder();
        foreach (var c in body)
            if (!char.IsWhiteSpace(c)) base64.Append(c);

        var clean = new StringBuilder().Append("-----BEGIN ").Append(label).Append("-----\n");
        for (var i = 0; i < base64.Length; i += 64)
            clean.Append(base64.ToString(i, Math.Min(64, base64.Length - i))).Append('\n');
        clean.Append("-----END ").Append(label).Append("-----\n");

        object? parsed;
        try
        {
            parsed = new PemReader(new StringReader(clean.ToString())).ReadObject();
        }
#pragma warning disable CA1031 // any parser failure becomes one clear message that does not echo key material
        catch (Exception)
#pragma warning restore CA1031
        {
            parsed = null;
        }
        switch (parsed)
        {
            case AsymmetricCipherKeyPair pair:
                return pair.Private;
            case AsymmetricKeyParameter { IsPrivate: true } key:
                return key;
            default:
                throw new OAuthKeyException($"The '{label}' PEM block could not be parsed; check the key was copied completely.");
        }
    }
}
