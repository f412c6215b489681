namespace OktaBaton.Simulator;

/// <summary>What a successful answer's X-Rate-Limit-* headers report while a token's or OAuth app's share applies.</summary>
public enum PrincipalHeaderMode
{
    /// <summary>The quota that binds: the principal's while it has no more left than the org's bucket.</summary>
    Binding,

    /// <summary>Always the org's bucket; only a 429 refused by the principal's share reports the share.</summary>
    Org,
}
