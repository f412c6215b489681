namespace OktaBaton.Simulator.Auth;

/// <summary>Who is calling: the org user that owns the credential, and what it may do.</summary>
public sealed record Caller(string OwnerUserId, Permission Permissions, string AuthMethod)
{
    /// <summary>The token or OAuth app the request is metered to besides the org; null for anonymous callers.</summary>
    public RatePrincipal? RatePrincipal { get; init; }

    /// <summary>The OAuth service app making the request (OAuth callers): the System Log's actor and client.id.</summary>
    public string? ClientId { get; init; }

    /// <summary>The id (00T…) of the API token making the request (SSWS callers): the log's transaction.detail.requestApiTokenId.</summary>
    public string? ApiTokenId { get; init; }

    /// <summary>The caller of an anonymous route.</summary>
    public static Caller Anonymous { get; } = new(string.Empty, Permission.None, "none");

    public bool Can(Permission needed) => (Permissions & needed) == needed;
}
