using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core;

/// <summary>
/// A verified connection to one Okta org: the client every engine call uses, plus who it acts as.
/// Holds no readable secret: the credential lives inside the authenticator.
/// </summary>
public sealed class OktaConnection : IDisposable
{
    private OktaConnection(OktaClient client, string authMethod, string principal)
    {
        Client = client;
        AuthMethod = authMethod;
        Principal = principal;
        ConnectedAt = DateTimeOffset.UtcNow;
    }

    public string Domain => Client.Org.Domain;

    public string AuthMethod { get; }

    /// <summary>The API token's owner login, or the OAuth client id.</summary>
    public string Principal { get; }

    public DateTimeOffset ConnectedAt { get; }

    public OktaClient Client { get; }

    /// <summary>
    /// Creates the client and proves the credentials with one cheap call: the token owner for an API token,
    /// a one-user page for an OAuth service app (which has no user of its own).
    /// </summary>
    public static async Task<OktaConnection> ConnectAsync(OktaClientOptions options, string? principalHint, CancellationToken cancellationToken)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var client = new OktaClient(options);
        try
        {
            string principal;
            if (principalHint is null)
            {
                var me = await client.GetAsync<JsonElement>("/api/v1/users/me", cancellationToken).ConfigureAwait(false);
                principal = LoginOf(me) ?? "unknown";
            }
            else
            {
                await client.GetAsync<JsonElement>("/api/v1/users?limit=1", cancellationToken).ConfigureAwait(false);
                principal = principalHint;
            }

            return new OktaConnection(client, options.Authenticator.Method, principal);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public void Dispose() => Client.Dispose();

    public override string ToString() => $"{AuthMethod} connection to {Domain} as {Principal}";

    private static string? LoginOf(JsonElement user) =>
        user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty("profile", out var profile)
        && profile.ValueKind == JsonValueKind.Object
        && profile.TryGetProperty("login", out var login)
        && login.ValueKind == JsonValueKind.String
            ? login.GetString()
            : null;
}
