using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Who holds what, and how, as one flat, CSV-ready record. Without -Expand there is one per grant of the file; with it,
/// one per principal and entitlement, whether the principal holds it directly, through groups, or both.
/// </summary>
public sealed class SyncGrantRecord
{
    internal SyncGrantRecord(string entitlementId, ResourceId resource, string? resourceName, string slug, ResourceId principal, ResourceInfo? principalInfo,
        bool direct, IReadOnlyList<(string Id, string? Name)> throughGroups, bool throughUnknownGroup, GrantReach reach)
    {
        GrantId = entitlementId + ":" + principal;
        EntitlementId = entitlementId;
        ResourceType = resource.ResourceType;
        ResourceId = resource.Resource;
        ResourceName = resourceName;
        Slug = slug;
        PrincipalType = principal.ResourceType;
        PrincipalId = principal.Resource;
        PrincipalName = principalInfo?.Name;
        PrincipalLogin = principalInfo?.Login;
        PrincipalEmail = principalInfo?.Email;
        PrincipalStatus = principalInfo?.Status;
        Direct = direct;
        ThroughGroupIds = new ValueList(throughGroups.Select(g => g.Id));
        ThroughGroupNames = new ValueList(throughGroups.Select(g => g.Name ?? g.Id));
        var through = throughGroups.Select(g => $"{g.Name ?? g.Id} ({g.Id})").ToList();
        if (throughUnknownGroup && through.Count == 0) through.Add(UnknownGroup);
        Through = through.Count == 0 ? null : string.Join("; ", through);
        Via = throughGroups.Count == 0 ? null : string.Join("; ", throughGroups.Select(g => entitlementId + ":group:" + g.Id));
        Scope = reach.Describe();
        ScopeIds = new ValueList(reach.TypedIds());
    }

    /// <summary>What a record says when Okta reports access through a group the file does not hold.</summary>
    public const string UnknownGroup = "a group not in the file";

    /// <summary>{entitlementId}:{principalType}:{principalId}: unique per record, with or without -Expand.</summary>
    public string GrantId { get; }

    public string EntitlementId { get; }

    public string ResourceType { get; }

    public string ResourceId { get; }

    public string? ResourceName { get; }

    public string Slug { get; }

    public string PrincipalType { get; }

    public string PrincipalId { get; }

    public string? PrincipalName { get; }

    public string? PrincipalLogin { get; }

    public string? PrincipalEmail { get; }

    /// <summary>A user's Okta status (ACTIVE, SUSPENDED, DEPROVISIONED…); null for groups.</summary>
    public string? PrincipalStatus { get; }

    /// <summary>Assigned to the principal itself. False when held only through groups.</summary>
    public bool Direct { get; }

    /// <summary>The groups the principal holds it through (their grants, expanded with -Expand).</summary>
    public ValueList ThroughGroupIds { get; }

    public ValueList ThroughGroupNames { get; }

    /// <summary>The same as one string, "Okta Admins (00g1); Help Desk (00g2)"; null when held only directly.</summary>
    public string? Through { get; }

    /// <summary>The group grants it comes through, "role:SUPER_ADMIN:assigned:group:00g1"; null when held only directly. Prefer Direct and Through.</summary>
    public string? Via { get; }

    /// <summary>
    /// What an admin role reaches: "org-wide", the groups or apps its role targets limit it to, or the resource sets of
    /// a custom role or binding; null for entitlements that are not roles.
    /// </summary>
    public string? Scope { get; }

    /// <summary>The scope as typed ids: "group:00g1", "app:0oa1", "app-catalog:salesforce", "resource-set:iam1"; empty when org-wide.</summary>
    public ValueList ScopeIds { get; }

    /// <summary>How the principal holds it: "directly", "through group 'Okta Admins'", "directly and through …".</summary>
    public string HowHeld
    {
        get
        {
            var through = ThroughGroupNames.Count > 0
                ? (ThroughGroupNames.Count == 1 ? "group " : "groups ") + string.Join(", ", ThroughGroupNames.Select(n => "'" + n + "'"))
                : Through;
            return Direct ? (through is null ? "directly" : "directly and through " + through) : "through " + (through ?? UnknownGroup);
        }
    }

    /// <summary>"alice.anderson@acme.example holds role SUPER_ADMIN through group 'Okta Admins'", so a Pester failure names people.</summary>
    public override string ToString()
    {
        var who = PrincipalLogin ?? (PrincipalType == ResourceTypes.Group ? "group '" + (PrincipalName ?? PrincipalId) + "'" : PrincipalName ?? PrincipalId);
        var what = ResourceType switch
        {
            ResourceTypes.Group => $"membership of group '{ResourceName ?? ResourceId}'",
            ResourceTypes.Role => $"role {ResourceId}",
            ResourceTypes.App => $"app '{ResourceName ?? ResourceId}'",
            ResourceTypes.CustomRole => $"custom role '{ResourceName ?? ResourceId}'",
            ResourceTypes.ResourceSetBinding => $"binding '{ResourceName ?? ResourceId}'",
            _ => EntitlementId,
        };
        var scope = Scope is null or "org-wide" ? "" : $" (limited to {Scope})";
        return $"{who} holds {what} {HowHeld}{scope}";
    }
}
