using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Provisioning;

/// <summary>The result of creating, modifying or deleting one group.</summary>
public sealed class GroupChange
{
    /// <summary>"New", "Set" or "Remove".</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>Created, AlreadyExists, Updated, Unchanged or Deleted — the <see cref="ProvisioningOutcome"/> name, as text in ConvertTo-Json and Export-Csv alike.</summary>
    public string Outcome => OutcomeKind.ToString();

    /// <summary>The outcome as the engine sets it.</summary>
    internal ProvisioningOutcome OutcomeKind { get; set; }

    public string GroupId { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string? Description { get; set; }

    /// <summary>OKTA_GROUP, APP_GROUP or BUILT_IN.</summary>
    public string? Type { get; set; }

    /// <summary>For New: the user ids made members (already members included).</summary>
    public IReadOnlyList<string> MemberIds { get; set; } = Array.Empty<string>();

    public override string ToString() => $"{Action} group {Name} ({GroupId}): {Outcome}";
}
