using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using OktaBaton.Core.Provisioning;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Creates Okta accounts. A login that exists already comes back as AlreadyExists, untouched. A generated
/// password (-GeneratePassword) is long and random and is never shown. From CSV rows, -ExtraColumnsAsAttributes
/// makes the columns no parameter takes profile attributes (without it they are ignored).
/// </summary>
[Cmdlet(VerbsCommon.New, "OktaUser", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, HelpUri = HelpLinks.Base + "New-OktaUser.md")]
[OutputType(typeof(UserChange))]
public sealed class NewOktaUserCommand : ProvisioningCmdlet
{
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("GivenName")]
    [ValidateNotNullOrEmpty]
    public string FirstName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Surname")]
    [ValidateNotNullOrEmpty]
    public string LastName { get; set; } = string.Empty;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Email { get; set; } = string.Empty;

    /// <summary>Defaults to the email.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Login { get; set; }

    /// <summary>Create the user STAGED instead of activating it.</summary>
    [Parameter]
    public SwitchParameter Staged { get; set; }

    /// <summary>Let Okta email the activation link (only for a user activated without a password).</summary>
    [Parameter]
    public SwitchParameter SendActivationEmail { get; set; }

    /// <summary>Require a password change at first sign-in.</summary>
    [Parameter]
    public SwitchParameter ChangePasswordAtFirstLogin { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateSet("OKTA", "FEDERATION", IgnoreCase = true)]
    public string Provider { get; set; } = "OKTA";

    [Parameter]
    public SecureString? Password { get; set; }

    [Parameter]
    public SwitchParameter GeneratePassword { get; set; }

    /// <summary>More profile attributes (not login, email, firstName or lastName).</summary>
    [Parameter]
    public Hashtable? Attribute { get; set; }

    /// <summary>The pipeline object (a CSV row), read only with -ExtraColumnsAsAttributes.</summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>Properties of the pipeline object that no parameter takes become profile attributes of that name.</summary>
    [Parameter]
    public SwitchParameter ExtraColumnsAsAttributes { get; set; }

    protected override void ProcessRecord()
    {
        var request = new NewUserRequest
        {
            FirstName = FirstName,
            LastName = LastName,
            Email = Email,
            Login = string.IsNullOrWhiteSpace(Login) ? null : Login,
            Activate = !Staged.IsPresent,
            SendActivationEmail = SendActivationEmail.IsPresent,
            ChangePasswordAtFirstLogin = ChangePasswordAtFirstLogin.IsPresent,
            Provider = Provider,
            Password = Password,
            GeneratePassword = GeneratePassword.IsPresent,
        };
        if (ExtraColumns.Collect(request.Attributes, Array.Empty<KeyValuePair<string, object?>>(), Attribute, ExtraColumnsAsAttributes, InputObject, MyInvocation.MyCommand) is { } twice)
        {
            WriteFailure(ExtraColumns.GivenTwice(twice), Email, "User");
            return;
        }

        Provision(request.Login ?? Email, "User", (connection, confirm, ct) =>
            new AccountProvisioner(connection.Client).CreateAsync(request, confirm, ct));
    }
}
