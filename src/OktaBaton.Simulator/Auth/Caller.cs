namespace OktaBaton.Simulator.Auth;

/// <summary>Who is calling: the org user that owns the credential, and what it may do.</summary>
public sealed record Caller(string OwnerUserId, Permission Permissions, string AuthMethod)
{
    public bool Can(Permission needed) => (Permissions & needed) == needed;
}
