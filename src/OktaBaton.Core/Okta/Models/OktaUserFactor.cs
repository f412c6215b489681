namespace OktaBaton.Core.Okta.Models;

/// <summary>An enrolled MFA factor (GET /api/v1/users/{id}/factors); only what says which factor it is.</summary>
public sealed class OktaUserFactor
{
    public string Id { get; set; } = string.Empty;

    /// <summary>push, token:software:totp, sms, webauthn, …</summary>
    public string? FactorType { get; set; }

    public string? Provider { get; set; }

    public string? Status { get; set; }
}
