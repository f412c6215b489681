using System;
using System.Management.Automation;
using System.Security;
using OktaBaton.Core;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.OAuth;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Connection;

/// <summary>Connects the session to an Okta org and proves the credentials with one cheap call.</summary>
[Cmdlet(VerbsCommunications.Connect, "Okta", DefaultParameterSetName = ApiTokenSet, HelpUri = HelpLinks.Base + "Connect-Okta.md")]
[OutputType(typeof(OktaConnection))]
public sealed class ConnectOktaCommand : OktaCmdlet
{
    private const string ApiTokenSet = "ApiToken";
    private const string OAuthKeySet = "OAuthKey";
    private const string OAuthKeyFileSet = "OAuthKeyFile";

    /// <summary>The org's hostname, e.g. example.okta.com (https:// optional, port kept). Default: $env:BATON_DOMAIN.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Domain { get; set; }

    /// <summary>An Okta API token as a SecureString. Default: $env:BATON_API_TOKEN.</summary>
    [Parameter(ParameterSetName = ApiTokenSet)]
    [ValidateNotNull]
    public SecureString? ApiToken { get; set; }

    /// <summary>The OAuth service app's client id. Default: $env:BATON_OKTA_CLIENT_ID.</summary>
    [Parameter(ParameterSetName = OAuthKeySet)]
    [Parameter(ParameterSetName = OAuthKeyFileSet)]
    [ValidateNotNullOrEmpty]
    public string? ClientId { get; set; }

    /// <summary>The KID of the app's public key in Okta. Default: $env:BATON_OKTA_PRIVATE_KEY_ID.</summary>
    [Parameter(ParameterSetName = OAuthKeySet)]
    [Parameter(ParameterSetName = OAuthKeyFileSet)]
    [ValidateNotNullOrEmpty]
    public string? KeyId { get; set; }

    /// <summary>The private key as PEM text: a SecureString (preferred) or a string. Default: $env:BATON_OKTA_PRIVATE_KEY.</summary>
    [Parameter(ParameterSetName = OAuthKeySet, Mandatory = true)]
    [ValidateNotNull]
    public object? PrivateKey { get; set; }

    /// <summary>A file holding the PEM private key (PKCS#1, PKCS#8 or SEC1; RSA 2048+ or EC P-256).</summary>
    [Parameter(ParameterSetName = OAuthKeyFileSet, Mandatory = true)]
    [ValidateNotNullOrEmpty]
    public string? PrivateKeyPath { get; set; }

    /// <summary>OAuth scopes to request. Default: okta.users/groups/apps/roles .read and .manage.</summary>
    [Parameter(ParameterSetName = OAuthKeySet)]
    [Parameter(ParameterSetName = OAuthKeyFileSet)]
    [ValidateNotNullOrEmpty]
    public string[]? Scope { get; set; }

    /// <summary>Send DPoP proofs from the start (otherwise used when Okta demands them).</summary>
    [Parameter(ParameterSetName = OAuthKeySet)]
    [Parameter(ParameterSetName = OAuthKeyFileSet)]
    public SwitchParameter UseDPoP { get; set; }

    /// <summary>Seconds before one request to Okta times out.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    /// <summary>
    /// The longest any command on this connection waits for a spent Okta rate-limit window to reset; a reset further
    /// away fails at once with OktaRateLimited, naming when to try again.
    /// </summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    public int MaxRateLimitWaitSec { get; set; } = 300;

    /// <summary>Also returns the connection, to pass to other cmdlets' -Connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var org = ParseDomain(Domain ?? Environment.GetEnvironmentVariable(EnvironmentNames.Domain));
        var (authenticator, principalHint) = CreateAuthenticator(org);
        var options = new OktaClientOptions(org, authenticator)
        {
            RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
            MaxRateLimitWait = TimeSpan.FromSeconds(MaxRateLimitWaitSec),
        };

        WriteVerbose($"Connecting to {org.Domain} with {authenticator.Method}.");
        OktaConnection? connection = null;
        RunTerminating(org.Domain, subject: null, async context =>
            connection = await OktaConnection.ConnectAsync(options, principalHint, context.CancellationToken).ConfigureAwait(false));

        ConnectionStore.Replace(connection);
        WriteVerbose($"Connected to {connection!.Domain} as {connection.Principal}.");
        if (PassThru)
        {
            WriteObject(ConnectionStore.HandOut(connection));
        }
    }

    private OktaOrgUrl ParseDomain(string? domain)
    {
        if (string.IsNullOrWhiteSpace(domain))
        {
            ThrowFailure(new OktaOperationException("OktaDomainMissing", OktaFailureKind.InvalidArgument, $"No Okta domain: pass -Domain or set $env:{EnvironmentNames.Domain}."), target: null);
        }

        if (!OktaOrgUrl.TryParse(domain!, out var org, out var error))
        {
            ThrowFailure(new OktaOperationException("OktaInvalidDomain", OktaFailureKind.InvalidArgument, error ?? "The Okta domain is not valid."), target: domain);
        }

        return org!;
    }

    private (IOktaAuthenticator Authenticator, string? PrincipalHint) CreateAuthenticator(OktaOrgUrl org)
    {
        if (ParameterSetName is OAuthKeySet or OAuthKeyFileSet)
        {
            return CreateOAuthAuthenticator(org);
        }

        if (ApiToken is not null)
        {
            return (new ApiTokenAuthenticator(ApiToken), null);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentNames.ApiToken);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(EnvironmentNames.ClientId)))
            {
                return CreateOAuthAuthenticator(org);
            }

            ThrowFailure(new OktaOperationException("OktaCredentialMissing", OktaFailureKind.InvalidArgument, $"No credentials: pass -ApiToken (a SecureString) or set $env:{EnvironmentNames.ApiToken}; for an OAuth service app pass -ClientId, -KeyId and -PrivateKey or -PrivateKeyPath (or set $env:{EnvironmentNames.ClientId}, $env:{EnvironmentNames.PrivateKeyId}, $env:{EnvironmentNames.PrivateKey})."), target: null);
        }

        return (new ApiTokenAuthenticator(fromEnvironment!), null);
    }

    private (IOktaAuthenticator Authenticator, string? PrincipalHint) CreateOAuthAuthenticator(OktaOrgUrl org)
    {
        var clientId = ClientId ?? Environment.GetEnvironmentVariable(EnvironmentNames.ClientId);
        var keyId = KeyId ?? Environment.GetEnvironmentVariable(EnvironmentNames.PrivateKeyId);
        if (string.IsNullOrWhiteSpace(clientId))
        {
            ThrowFailure(new OktaOperationException("OktaCredentialMissing", OktaFailureKind.InvalidArgument, $"No OAuth client id: pass -ClientId or set $env:{EnvironmentNames.ClientId}."), target: null);
        }

        if (string.IsNullOrWhiteSpace(keyId))
        {
            ThrowFailure(new OktaOperationException("OktaCredentialMissing", OktaFailureKind.InvalidArgument, $"No key id: pass -KeyId (the KID of the app's public key in Okta) or set $env:{EnvironmentNames.PrivateKeyId}."), target: null);
        }

        OAuthSigningKey key;
        try
        {
            key = ReadPrivateKey();
        }
        catch (OAuthKeyException invalid)
        {
            ThrowFailure(new OktaOperationException("OktaInvalidPrivateKey", OktaFailureKind.InvalidArgument, invalid.Message), target: null);
            throw;
        }

        var settings = new OAuthClientSettings(clientId!, keyId!, key, Scope) { UseDPoP = UseDPoP.IsPresent };
        WriteVerbose($"OAuth client {settings.ClientId}, key id {settings.KeyId} ({key.Algorithm}), scopes {string.Join(" ", settings.Scopes)}{(settings.UseDPoP ? ", DPoP" : string.Empty)}.");
        return (new OAuthAuthenticator(org.BaseUri, settings, TimeSpan.FromSeconds(TimeoutSec)), settings.ClientId);
    }

    private OAuthSigningKey ReadPrivateKey()
    {
        if (PrivateKeyPath is not null)
        {
            return OAuthSigningKey.FromPemFile(SessionState.Path.GetUnresolvedProviderPathFromPSPath(PrivateKeyPath));
        }

        var value = PrivateKey is PSObject wrapped ? wrapped.BaseObject : PrivateKey;
        switch (value)
        {
            case SecureString secure:
                return OAuthSigningKey.FromPem(secure);
            case string text:
                return OAuthSigningKey.FromPem(text);
            case null:
                var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentNames.PrivateKey);
                if (string.IsNullOrWhiteSpace(fromEnvironment))
                {
                    throw new OAuthKeyException($"No private key: pass -PrivateKey or -PrivateKeyPath, or set $env:{EnvironmentNames.PrivateKey}.");
                }

                return OAuthSigningKey.FromPem(fromEnvironment!);
            default:
                throw new OAuthKeyException("-PrivateKey takes the PEM text as a SecureString or a string; for a file use -PrivateKeyPath.");
        }
    }
}
