namespace OktaBaton.Simulator.Auth;

/// <summary>Who is calling: the org user that owns the credential, and what it may do.</summary>
public sealed record Caller(string OwnerUserId, Permission Permissions, string AuthMethod)
{
    /// <summary>The caller of an anonymous route.</summary>
    public static Caller Anonymous { get; } = new(string.Empty, Permission.None, "none");

    public bool Can(Permission needed) => (Permissions & needed) == needed;
}
