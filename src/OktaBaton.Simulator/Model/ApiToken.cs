namespace OktaBaton.Simulator.Model;

internal sealed record ApiToken(
    string Id,
    string Name,
    int UserIndex,
    string ClientName,
    string TokenWindow,
    string Network,
    DateTimeOffset Created,
    DateTimeOffset LastUpdated,
    DateTimeOffset? ExpiresAt);
