namespace OktaBaton.Simulator.OAuth;

/// <summary>A service app registered with the simulator: its public key, whether it demands DPoP, its granted scopes.</summary>
public sealed class OAuthClientRegistration
{
    public static readonly IReadOnlyList<string> AllScopes = new[]
    {
        "okta.users.read", "okta.users.manage", "okta.groups.read", "okta.groups.manage",
        "okta.apps.read", "okta.apps.manage", "okta.roles.read", "okta.roles.manage", "okta.apiTokens.read", "okta.logs.read",
    };

    public OAuthClientRegistration(string clientId, SimPublicKey publicKey, bool requireDPoP = false,
        IEnumerable<string>? grantedScopes = null, string? keyId = null)
    {
        if (string.IsNullOrWhiteSpace(clientId)) throw new ArgumentException("client id required", nameof(clientId));
        ClientId = clientId;
        PublicKey = publicKey ?? throw new ArgumentNullException(nameof(publicKey));
        RequireDPoP = requireDPoP;
        GrantedScopes = new HashSet<string>(grantedScopes ?? AllScopes, StringComparer.Ordinal);
        KeyId = string.IsNullOrEmpty(keyId) ? publicKey.Thumbprint : keyId;
    }

    public string ClientId { get; }
    public SimPublicKey PublicKey { get; }

    /// <summary>The kid the registered key carries; defaults to the key's RFC 7638 thumbprint.</summary>
    public string KeyId { get; }

    public bool RequireDPoP { get; }

    /// <summary>The admin permission profile the service app's admin roles amount to (see PermissionProfiles).</summary>
    public string Profile { get; init; } = "super-admin";
    public IReadOnlySet<string> GrantedScopes { get; }

    /// <summary>The app's share of each rate-limit bucket in percent; null for the org's default (50 unless configured).</summary>
    public int? RateLimitPercent { get; init; }

    /// <summary>
    /// Parses the CLI form <c>CLIENT_ID:PUBLIC_KEY_PEM_PATH[:dpop][:SCOPES][:PERCENT%]</c>, SCOPES comma- or
    /// space-separated, PERCENT the app's share of each rate-limit bucket. A Windows drive letter in the path
    /// (C:\keys\app.pem) is kept with the path.
    /// </summary>
    public static OAuthClientRegistration Parse(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var parts = new List<string>(spec.Split(':'));
        if (parts.Count < 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new FormatException($"--oauth-client '{spec}': expected CLIENT_ID:PUBLIC_KEY_PEM_PATH[:dpop][:SCOPES][:PERCENT%]");
        if (parts.Count > 2 && parts[1].Length == 1 && char.IsLetter(parts[1][0]))
        {
            parts[1] += ":" + parts[2];
            parts.RemoveAt(2);
        }
        var clientId = parts[0];
        var path = parts[1];
        var dpop = false;
        IEnumerable<string>? scopes = null;
        int? percent = null;
        foreach (var extra in parts.Skip(2))
        {
            if (string.Equals(extra, "dpop", StringComparison.OrdinalIgnoreCase)) dpop = true;
            else if (extra.EndsWith('%')) percent = ParsePercent(extra, $"--oauth-client '{clientId}'");
            else if (extra.Length > 0) scopes = extra.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        }
        string pem;
        try
        {
            pem = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new FormatException($"--oauth-client '{clientId}': cannot read public key '{path}': {e.Message}", e);
        }
        try
        {
            return new OAuthClientRegistration(clientId, SimPublicKey.FromPem(pem), dpop, scopes) { RateLimitPercent = percent };
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"--oauth-client '{clientId}': '{path}' is not an RSA or EC public key PEM.", e);
        }
    }

    /// <summary>"50%" → 50; Okta accepts 5 % to 100 % for a token or app.</summary>
    internal static int ParsePercent(string text, string what)
    {
        var digits = text.TrimEnd('%');
        if (!int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var percent)
            || !Auth.RatePrincipal.IsValidPercent(percent))
        {
            throw new FormatException($"{what}: the rate-limit share must be {Auth.RatePrincipal.MinimumPercent}% to {Auth.RatePrincipal.MaximumPercent}%, not '{text}'.");
        }
        return percent;
    }
}
