using System.Collections.Generic;

namespace OktaBaton.Core.Okta.Models;

public sealed class OktaApiTokenNetwork
{
    /// <summary>ANYWHERE or ZONE.</summary>
    public string? Connection { get; set; }

    public IReadOnlyList<string>? Include { get; set; }

    public IReadOnlyList<string>? Exclude { get; set; }
}
