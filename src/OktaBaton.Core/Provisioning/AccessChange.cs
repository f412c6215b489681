using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Provisioning;

/// <summary>The result of one grant or revoke: what, on whom, the outcome, and the Okta ids involved.</summary>
public sealed class AccessChange
{
    /// <summary>"Grant" or "Revoke".</summary>
    public string Operation { get; set; } = string.Empty;

    /// <summary>Granted, AlreadyGranted, Revoked or AlreadyRevoked — the <see cref="ProvisioningOutcome"/> name, as text in ConvertTo-Json and Export-Csv alike.</summary>
    public string Outcome => OutcomeKind.ToString();

    /// <summary>The outcome as the engine sets it.</summary>
    internal ProvisioningOutcome OutcomeKind { get; set; }

    public string EntitlementId { get; set; } = string.Empty;

    /// <summary>group, app, role, custom-role or resourceset-binding.</summary>
    public string ResourceType { get; set; } = string.Empty;

    public string ResourceId { get; set; } = string.Empty;

    /// <summary>The group's name, the app's label, the role type or the binding's ids.</summary>
    public string ResourceName { get; set; } = string.Empty;

    /// <summary>"user" or "group".</summary>
    public string PrincipalType { get; set; } = string.Empty;

    /// <summary>The principal's Okta id (a login given as input is resolved to the id).</summary>
    public string PrincipalId { get; set; } = string.Empty;

    /// <summary>The user's login or the group's name.</summary>
    public string PrincipalName { get; set; } = string.Empty;

    /// <summary>The baton grant id, {entitlementId}:{principalType}:{principalId}.</summary>
    public string GrantId { get; set; } = string.Empty;

    /// <summary>The Okta object created or removed when there is one: a role assignment id or a binding member id.</summary>
    public string? AssignmentId { get; set; }

    /// <summary>
    /// For admin roles that Okta can limit: what the principal's assignment reaches after the change — "org-wide", or
    /// the groups and apps its role targets limit it to; null for other entitlements.
    /// </summary>
    public string? Scope { get; set; }

    /// <summary>
    /// After a revoke of a direct assignment: the groups through which the principal still holds the entitlement
    /// ("group 'Engineering' (00g…)"); null when no access remains.
    /// </summary>
    public string? StillHeldThrough { get; set; }

    /// <summary>What the front end should tell the user besides the outcome, e.g. that access remains through a group.</summary>
    public IReadOnlyList<string> Warnings { get; set; } = Array.Empty<string>();

    public override string ToString() => $"{Operation} {EntitlementId} to {PrincipalType}:{PrincipalId}: {Outcome}";
}
