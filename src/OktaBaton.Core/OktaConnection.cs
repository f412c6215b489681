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
    private readonly IOktaAuthenticator _authenticator;

    private OktaConnection(OktaClient client, IOktaAuthenticator authenticator, string principal)
    {
        Client = client;
        _authenticator = authenticator;
        AuthMethod = authenticator.Method;
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

        string principal;
        // the probe retries as every other call does: a 5xx or a dropped connection at connect time is as transient as later
        using (var probe = new OktaClient(options))
        {
            if (principalHint is null)
            {
                // who the token belongs to: the one request that means "me"
                JsonElement me;
                using (OktaPaths.AllowSelf())
                {
                    me = await probe.GetAsync<JsonElement>("/api/v1/users/me", cancellationToken).ConfigureAwait(false);
                }

                principal = LoginOf(me) ?? "unknown";
            }
            else
            {
                await probe.GetAsync<JsonElement>("/api/v1/users?limit=1", cancellationToken).ConfigureAwait(false);
                principal = principalHint;
            }
        }

        return new OktaConnection(new OktaClient(options), options.Authenticator, principal);
    }

    /// <summary>True once <see cref="Dispose"/> released the client and the credential: nothing can be sent any more.</summary>
    public bool IsClosed { get; private set; }

    /// <summary>Releases the client and the credential; the connection owns its authenticator.</summary>
    public void Dispose()
    {
        if (IsClosed)
        {
            return;
        }

        IsClosed = true;
        Client.Dispose();
        (_authenticator as IDisposable)?.Dispose();
    }

    public override string ToString() => $"{AuthMethod} connection to {Domain} as {Principal}{(IsClosed ? " (closed)" : string.Empty)}";

    private static string? LoginOf(JsonElement user) =>
        user.ValueKind == JsonValueKind.Object
        && user.TryGetProperty("profile", out var profile)
        && profile.ValueKind == JsonValueKind.Object
        && profile.TryGetProperty("login", out var login)
        && login.ValueKind == JsonValueKind.String
            ? login.GetString()
            : null;
}
