namespace OktaBaton.Simulator.Model;

/// <summary>An enrolled MFA factor (GET /api/v1/users/{userId}/factors).</summary>
internal sealed class UserFactor
{
    public UserFactor(string id, string factorType, string provider, DateTimeOffset created)
    {
        Id = id;
        FactorType = factorType;
        Provider = provider;
        Created = created;
    }

    public string Id { get; }
    /// <summary>push, token:software:totp, sms, …</summary>
    public string FactorType { get; }
    /// <summary>OKTA, GOOGLE, …</summary>
    public string Provider { get; }
    public DateTimeOffset Created { get; }
}
