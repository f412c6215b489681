using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.OAuth;

/// <summary>
/// POST /oauth2/v1/token for client_credentials with private_key_jwt, behaving like Okta's org authorization
/// server: assertion checks (kid, signature, aud, exp ≤ 1 h, single-use jti), granted scopes, and for DPoP
/// apps the proof and nonce dance (400 invalid_dpop_proof, then 400 use_dpop_nonce with a DPoP-Nonce header).
/// </summary>
public sealed class OAuthTokenEndpoint
{
    public const string Path = "/oauth2/v1/token";
    private const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private readonly OAuthAuthority _authority;

    public OAuthTokenEndpoint(OAuthAuthority authority) => _authority = authority;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (!request.HasFormContentType)
        {
            await ErrorAsync(context, 400, "invalid_request", "The request must be application/x-www-form-urlencoded.");
            return;
        }
        var form = await request.ReadFormAsync(context.RequestAborted);
        if (form["grant_type"] != "client_credentials")
        {
            await ErrorAsync(context, 400, "unsupported_grant_type", "The simulator supports only the client_credentials grant.");
            return;
        }
        if (form["client_assertion_type"] != JwtBearerAssertionType || string.IsNullOrEmpty(form["client_assertion"]))
        {
            await ErrorAsync(context, 401, "invalid_client", "Client authentication failed. Either the client or the client credentials are invalid.");
            return;
        }

        var assertion = SimJws.TryParse(form["client_assertion"]);
        var client = _authority.FindClient(assertion?.ClaimString("sub"));
        if (assertion is null || client is null || assertion.ClaimString("iss") != client.ClientId)
        {
            await ErrorAsync(context, 401, "invalid_client", "Client authentication failed. Either the client or the client credentials are invalid.");
            return;
        }

        var tokenUrl = $"{request.Scheme}://{request.Host}{request.PathBase}{Path}";
        string? keyThumbprint = null;
        var proof = request.Headers["DPoP"].ToString();
        if (client.RequireDPoP || proof.Length > 0)
        {
            if (proof.Length == 0)
            {
                await ErrorAsync(context, 400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.");
                return;
            }
            var problem = _authority.Proofs.Validate(proof, "POST", tokenUrl, null, out var parsedProof, out keyThumbprint);
            if (problem != null)
            {
                await ErrorAsync(context, 400, "invalid_dpop_proof", problem);
                return;
            }
            if (!_authority.Nonces.IsValid(DPoPProofValidator.Nonce(parsedProof!)))
            {
                context.Response.Headers["DPoP-Nonce"] = _authority.Nonces.Current;
                await ErrorAsync(context, 400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof.");
                return;
            }
        }

        var assertionProblem = CheckAssertion(assertion, client, tokenUrl);
        if (assertionProblem != null)
        {
            await ErrorAsync(context, 401, "invalid_client", assertionProblem);
            return;
        }

        var requested = form["scope"].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (requested.Length == 0)
        {
            await ErrorAsync(context, 400, "invalid_scope", "The authorization server resource does not have any configured default scopes, 'scope' must be provided.");
            return;
        }
        var notGranted = requested.Where(s => !client.GrantedScopes.Contains(s)).ToList();
        if (notGranted.Count > 0)
        {
            await ErrorAsync(context, 400, "invalid_scope", "The following scopes were requested, but not granted: " + string.Join(" ", notGranted));
            return;
        }

        var scopes = new HashSet<string>(requested, StringComparer.Ordinal);
        var token = _authority.Issue(client, scopes, keyThumbprint, out var issued);
        context.Response.Headers.CacheControl = "no-store";
        context.Response.Headers.Pragma = "no-cache";
        await WriteJsonAsync(context, 200, w =>
        {
            w.WriteString("token_type", issued.TokenType);
            w.WriteNumber("expires_in", (long)_authority.Options.AccessTokenLifetime.TotalSeconds);
            w.WriteString("access_token", token);
            w.WriteString("scope", string.Join(" ", requested));
        });
    }

    private string? CheckAssertion(SimJws assertion, OAuthClientRegistration client, string tokenUrl)
    {
        var options = _authority.Options;
        var kid = assertion.HeaderString("kid");
        if (kid != null && kid != client.KeyId) return "The client_assertion JWT kid is invalid.";
        if (!client.PublicKey.Verify(assertion.Algorithm, assertion.SigningInput, assertion.Signature))
            return "The client_assertion signature is invalid.";
        if (assertion.ClaimString("aud") != tokenUrl) return "The audience claim for client_assertion must be the endpoint invoking the request.";
        var now = options.TimeProvider.GetUtcNow();
        if (assertion.ClaimSeconds("exp") is not { } expSeconds) return "The client_assertion token must contain an 'exp' claim.";
        var exp = DateTimeOffset.FromUnixTimeSeconds(expSeconds);
        if (exp <= now) return "The client_assertion token is expired.";
        if (exp > now + options.MaxAssertionLifetime) return "The client_assertion token has an expiration too far into the future.";
        if (assertion.ClaimSeconds("iat") is { } iatSeconds && DateTimeOffset.FromUnixTimeSeconds(iatSeconds) > now + options.ClockSkew)
            return "The client_assertion token has an issued-at time in the future.";
        if (assertion.ClaimString("jti") is not { Length: > 0 } jti) return "The client_assertion token must contain a 'jti' claim.";
        if (!_authority.UsedAssertionIds.TryUse(client.ClientId + "|" + jti, exp, now)) return "The client_assertion token has already been used.";
        return null;
    }

    private static Task ErrorAsync(HttpContext context, int status, string error, string description) =>
        WriteJsonAsync(context, status, w =>
        {
            w.WriteString("error", error);
            w.WriteString("error_description", description);
        });

    private static async Task WriteJsonAsync(HttpContext context, int status, Action<Utf8JsonWriter> members)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            members(writer);
            writer.WriteEndObject();
        }
        await context.Response.Body.WriteAsync(buffer.ToArray(), context.RequestAborted);
    }
}
