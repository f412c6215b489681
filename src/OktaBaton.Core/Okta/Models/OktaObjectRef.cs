namespace OktaBaton.Core.Okta.Models;

/// <summary>
/// Only the id of a listed object: membership lists (group members, app users) read into this so the rest of
/// each item (profiles, credentials, links) is skipped by the parser instead of held in memory.
/// </summary>
public sealed class OktaObjectRef
{
    public string Id { get; set; } = string.Empty;
}
