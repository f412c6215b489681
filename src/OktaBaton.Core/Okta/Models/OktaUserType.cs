namespace OktaBaton.Core.Okta.Models;

public sealed class OktaUserType
{
    public string? Id { get; set; }
}
