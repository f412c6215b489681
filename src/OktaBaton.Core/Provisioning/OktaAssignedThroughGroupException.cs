using System.Collections.Generic;
using System.Linq;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// A revoke of access the principal holds only through group membership: removing nothing from the principal itself
/// would leave the access in place, so nothing is sent. It names the groups and the grants to revoke instead.
/// </summary>
public sealed class OktaAssignedThroughGroupException : OktaOperationException
{
    public const string Id = "OktaAssignedThroughGroup";

    internal OktaAssignedThroughGroupException(string message, IReadOnlyList<string> groupIds, IReadOnlyList<string> groupNames, IReadOnlyList<string> insteadGrantIds)
        : base(Id, OktaFailureKind.InvalidOperation, message)
    {
        GroupIds = groupIds;
        GroupNames = groupNames;
        InsteadGrantIds = insteadGrantIds;
    }

    /// <summary>The groups the access comes through.</summary>
    public IReadOnlyList<string> GroupIds { get; }

    public IReadOnlyList<string> GroupNames { get; }

    /// <summary>
    /// Grant ids whose revoke removes the access: each group's grant of the entitlement (removes it from every member)
    /// and the principal's membership of each group (removes everything that group gives it).
    /// </summary>
    public IReadOnlyList<string> InsteadGrantIds { get; }

    internal static OktaAssignedThroughGroupException For(EntitlementReference entitlement, string what, ResolvedPrincipal who, Holding holding)
    {
        var instead = new List<string>();
        var how = new List<string>();
        foreach (var group in holding.ThroughGroups)
        {
            var groupGrant = entitlement.Id + ":group:" + group.Id;
            var membership = "group:" + group.Id + ":member:user:" + who.Id;
            instead.Add(groupGrant);
            instead.Add(membership);
            how.Add($"'{groupGrant}' (the group's grant, for all its members) or '{membership}' (the membership)");
        }
        var advice = how.Count == 0
            ? "Revoke the group's grant or the membership that gives it instead."
            : "Revoke " + string.Join(", or ", how) + " instead.";
        return new OktaAssignedThroughGroupException(
            $"{who.Description} holds {what} only through {holding.DescribeGroups()}; there is no direct assignment to remove, so nothing was changed. {advice}",
            holding.ThroughGroups.Select(g => g.Id).ToList(), holding.ThroughGroups.Select(g => g.Name).ToList(), instead);
    }
}
