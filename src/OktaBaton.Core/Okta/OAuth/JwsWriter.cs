using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>Writes compact JWS (header.payload.signature) signed with an <see cref="OAuthSigningKey"/>.</summary>
internal static class JwsWriter
{
    public static string Sign(OAuthSigningKey key, Action<Utf8JsonWriter> writeHeaderMembers, Action<Utf8JsonWriter> writeClaims)
    {
        var header = Base64Url.Encode(WriteObject(w =>
        {
            w.WriteString("alg", key.Algorithm);
            writeHeaderMembers(w);
        }));
        var payload = Base64Url.Encode(WriteObject(writeClaims));
        var signingInput = header + "." + payload;
        var signature = key.Sign(Encoding.ASCII.GetBytes(signingInput));
        return signingInput + "." + Base64Url.Encode(signature);
    }

    public static void WritePublicJwk(Utf8JsonWriter writer, OAuthSigningKey key)
    {
        writer.WriteStartObject("jwk");
        foreach (var member in key.PublicJwk)
            writer.WriteString(member.Key, member.Value);
        writer.WriteEndObject();
    }

    private static byte[] WriteObject(Action<Utf8JsonWriter> writeMembers)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writeMembers(writer);
            writer.WriteEndObject();
        }
        return stream.ToArray();
    }
}
