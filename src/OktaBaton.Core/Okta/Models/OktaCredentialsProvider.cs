namespace OktaBaton.Core.Okta.Models;

public sealed class OktaCredentialsProvider
{
    /// <summary>OKTA, ACTIVE_DIRECTORY, LDAP, FEDERATION, SOCIAL, IMPORT.</summary>
    public string? Type { get; set; }

    public string? Name { get; set; }
}
