using System;
using System.Management.Automation;
using System.Security;
using OktaBaton.Core;
using OktaBaton.Core.Okta;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Connection;

/// <summary>Connects the session to an Okta org and proves the credentials with one cheap call.</summary>
[Cmdlet(VerbsCommunications.Connect, "Okta", DefaultParameterSetName = ApiTokenSet)]
[OutputType(typeof(OktaConnection))]
public sealed class ConnectOktaCommand : OktaCmdlet
{
    private const string ApiTokenSet = "ApiToken";

    /// <summary>The org's hostname, e.g. example.okta.com (https:// optional, port kept). Default: $env:BATON_DOMAIN.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    public string? Domain { get; set; }

    /// <summary>An Okta API token as a SecureString. Default: $env:BATON_API_TOKEN.</summary>
    [Parameter(ParameterSetName = ApiTokenSet)]
    [ValidateNotNull]
    public SecureString? ApiToken { get; set; }

    /// <summary>Seconds before one request to Okta times out.</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int TimeoutSec { get; set; } = 60;

    /// <summary>Also returns the connection, to pass to other cmdlets' -Connection.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void EndProcessing()
    {
        var org = ParseDomain(Domain ?? Environment.GetEnvironmentVariable(EnvironmentNames.Domain));
        var (authenticator, principalHint) = CreateAuthenticator();
        var options = new OktaClientOptions(org, authenticator) { RequestTimeout = TimeSpan.FromSeconds(TimeoutSec) };

        WriteVerbose($"Connecting to {org.Domain} with {authenticator.Method}.");
        OktaConnection? connection = null;
        RunTerminating(org.Domain, subject: null, async context =>
            connection = await OktaConnection.ConnectAsync(options, principalHint, context.CancellationToken).ConfigureAwait(false));

        ConnectionStore.Replace(connection)?.Dispose();
        WriteVerbose($"Connected to {connection!.Domain} as {connection.Principal}.");
        if (PassThru)
        {
            WriteObject(connection);
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

    private (IOktaAuthenticator Authenticator, string? PrincipalHint) CreateAuthenticator()
    {
        if (ApiToken is not null)
        {
            return (new ApiTokenAuthenticator(ApiToken), null);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentNames.ApiToken);
        if (string.IsNullOrWhiteSpace(fromEnvironment))
        {
            ThrowFailure(new OktaOperationException("OktaCredentialMissing", OktaFailureKind.InvalidArgument, $"No credentials: pass -ApiToken (a SecureString) or set $env:{EnvironmentNames.ApiToken}."), target: null);
        }

        return (new ApiTokenAuthenticator(fromEnvironment!), null);
    }
}
