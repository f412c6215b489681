namespace OktaBaton.Simulator.SystemLog;

/// <summary>
/// Who changes the org, from where and in which request: what every System Log event of one change carries
/// (actor, client, transaction, request). The pipeline makes one per API request; the admin-console endpoint makes
/// one for the console's administrator.
/// </summary>
internal sealed record ChangeContext(LogActor Actor, LogClient Client, LogTransaction Transaction, string RequestUri)
{
    /// <summary>Okta's user agent string for the Admin Console in a browser (a fixed, recognisable value).</summary>
    public const string ConsoleUserAgent = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36";
}

/// <summary>spec: LogActor. Users act as <c>User</c>; OAuth service apps as <c>PublicClientApp</c>.</summary>
internal sealed record LogActor(string Id, string Type, string AlternateId, string DisplayName);

/// <summary>spec: LogClient. <paramref name="ClientId"/> is the OAuth client for OAuth requests.</summary>
internal sealed record LogClient(string? IpAddress, string? RawUserAgent, string? ClientId, string Device, string Zone);

/// <summary>spec: LogTransaction: <c>WEB</c> for a request; <c>detail.requestApiTokenId</c> when an API token made it.</summary>
internal sealed record LogTransaction(string Id, string Type, string? RequestApiTokenId);
