using System.Collections.Generic;
using System.Security;

namespace OktaBaton.Core.Provisioning;

/// <summary>Everything an account can be created with.</summary>
public sealed class NewUserRequest
{
    public string FirstName { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    /// <summary>Defaults to <see cref="Email"/>.</summary>
    public string? Login { get; set; }

    /// <summary>True: the user is activated (ACTIVE with a password, else PROVISIONED); false: created STAGED.</summary>
    public bool Activate { get; set; } = true;

    /// <summary>When activating a user without a password, whether Okta emails the activation link.</summary>
    public bool SendActivationEmail { get; set; }

    /// <summary>Makes the user change the password at first sign-in (nextLogin=changePassword).</summary>
    public bool ChangePasswordAtFirstLogin { get; set; }

    /// <summary>OKTA (default) or FEDERATION (no Okta password).</summary>
    public string Provider { get; set; } = "OKTA";

    public SecureString? Password { get; set; }

    /// <summary>Generate a random password (≥ 24 characters) that is sent to Okta and never shown.</summary>
    public bool GeneratePassword { get; set; }

    /// <summary>More profile attributes; they may not set login, email, firstName or lastName.</summary>
    public IDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();
}
