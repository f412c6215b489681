using System.Text;
using System.Text.Json;

namespace OktaBaton.Simulator.OAuth;

/// <summary>A parsed compact JWS. Parsing checks shape only; <see cref="SimPublicKey.Verify"/> checks the signature.</summary>
public sealed class SimJws
{
    private SimJws(JsonElement header, JsonElement payload, byte[] signingInput, byte[] signature)
    {
        Header = header;
        Payload = payload;
        SigningInput = signingInput;
        Signature = signature;
    }

    public JsonElement Header { get; }
    public JsonElement Payload { get; }
    public byte[] SigningInput { get; }
    public byte[] Signature { get; }

    public string? Algorithm => HeaderString("alg");

    public static SimJws? TryParse(string? compact)
    {
        if (string.IsNullOrEmpty(compact)) return null;
        var parts = compact.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var header = JsonDocument.Parse(Decode(parts[0])).RootElement.Clone();
            var payload = JsonDocument.Parse(Decode(parts[1])).RootElement.Clone();
            if (header.ValueKind != JsonValueKind.Object || payload.ValueKind != JsonValueKind.Object) return null;
            return new SimJws(header, payload, Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), Decode(parts[2]));
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    public string? HeaderString(string name) =>
        Header.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public string? ClaimString(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public long? ClaimSeconds(string name) =>
        Payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var seconds)
            ? seconds
            : null;

    public static byte[] Decode(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        s += (s.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => throw new FormatException("bad base64url length") };
        return Convert.FromBase64String(s);
    }

    public static string Encode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
