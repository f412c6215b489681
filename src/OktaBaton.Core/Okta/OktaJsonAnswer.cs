using System.Text.Json;

namespace OktaBaton.Core.Okta;

/// <summary>An answer read as plain JSON: its status, body (null when empty) and next page link.</summary>
public sealed class OktaJsonAnswer
{
    internal OktaJsonAnswer(int statusCode, JsonElement? body, string? next)
    {
        StatusCode = statusCode;
        Body = body;
        Next = next;
    }

    public int StatusCode { get; }

    public JsonElement? Body { get; }

    public string? Next { get; }
}
