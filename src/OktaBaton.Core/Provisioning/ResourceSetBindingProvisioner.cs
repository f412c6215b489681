using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>resourceset-binding:{rs}:{cr}:member</c>: a custom role over a resource set, held by a user or group.
/// Grant creates the binding (POST …/bindings) or adds the member to it (PATCH …/members); revoke removes that
/// member only, leaving the binding and its other members alone.
/// </summary>
internal sealed class ResourceSetBindingProvisioner : EntitlementProvisioner
{
    private static readonly HttpMethod Patch = new("PATCH");

    public ResourceSetBindingProvisioner(OktaDirectory directory)
        : base(directory)
    {
    }

    public override string ResourceType => EntitlementReference.ResourceSetBindingType;

    public override async Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var binding = await DescribeBindingAsync(entitlement, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var members = await ListMembersAsync(entitlement, ct).ConfigureAwait(false);
        var existing = members is null ? null : FindMember(members, who);
        if (existing is not null)
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, binding, who, existing);
        }

        if (!await confirm.AllowsAsync(who.Description, $"Assign {binding}").ConfigureAwait(false))
        {
            return null;
        }

        var href = MemberHref(who);
        try
        {
            var memberId = await WriteSafety.WriteOnceAsync(
                async () =>
                {
                    if (members is null)
                    {
                        var create = new Dictionary<string, object> { ["role"] = entitlement.BindingRoleId, ["members"] = new[] { href } };
                        await Directory.Client.SendAsync(HttpMethod.Post, BindingsPath(entitlement), create, ct).ConfigureAwait(false);
                    }
                    else
                    {
                        var add = new Dictionary<string, object> { ["additions"] = new[] { href } };
                        await Directory.Client.SendAsync(Patch, MembersPath(entitlement), add, ct).ConfigureAwait(false);
                    }

                    var now = await ListMembersAsync(entitlement, ct).ConfigureAwait(false);
                    return (now is null ? null : FindMember(now, who)) ?? string.Empty;
                },
                async () =>
                {
                    var now = await ListMembersAsync(entitlement, ct).ConfigureAwait(false);
                    return now is null ? null : FindMember(now, who);
                },
                ct).ConfigureAwait(false);
            return Result(true, ProvisioningOutcome.Granted, entitlement, binding, who, memberId.Length == 0 ? null : memberId);
        }
        catch (Exception conflict) when (IsConflict(conflict))
        {
            // E0000263: the member is bound already (our own lost attempt, or someone else's).
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, binding, who);
        }
    }

    public override async Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var binding = await DescribeBindingAsync(entitlement, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var members = await ListMembersAsync(entitlement, ct).ConfigureAwait(false);
        var memberId = members is null ? null : FindMember(members, who);
        var groups = new List<GroupRef>();
        var throughUnnamed = false;
        if (who.Type == PrincipalType.User)
        {
            // a user also holds the binding through a group that is a member of it: the user's list shows it as a CUSTOM assignment of type GROUP
            var (_, inherited) = await RoleAssignments.HoldingAsync(Directory, who,
                a => string.Equals(a.Type, "CUSTOM", StringComparison.OrdinalIgnoreCase)
                    && string.Equals(a.Role, entitlement.BindingRoleId, StringComparison.Ordinal)
                    && string.Equals(a.ResourceSet, entitlement.BindingResourceSetId, StringComparison.Ordinal),
                ct).ConfigureAwait(false);
            groups.AddRange(inherited.ThroughGroups);
            throughUnnamed = inherited.ThroughUnnamedGroup;
        }

        var holding = new Holding(memberId is not null, memberId, groups, throughUnnamed);
        return await RevokeHeldAsync(entitlement, binding, binding, who.Description, who, holding, confirm,
            () => Directory.DeleteIfPresentAsync(MembersPath(entitlement) + "/" + OktaDirectory.Escape(memberId ?? string.Empty), ct)).ConfigureAwait(false);
    }

    /// <summary>"custom role 'Help desk lite' (cr0…) on resource set 'EU users' (iam…)"; 404s name what is missing.</summary>
    private async Task<string> DescribeBindingAsync(EntitlementReference entitlement, CancellationToken ct)
    {
        var resourceSet = await Directory.FindAsync<OktaResourceSet>("/api/v1/iam/resource-sets/" + OktaDirectory.Escape(entitlement.BindingResourceSetId), ct).ConfigureAwait(false)
            ?? throw new OktaOperationException("OktaResourceSetNotFound", OktaFailureKind.NotFound, $"Resource set '{entitlement.BindingResourceSetId}' was not found.");
        var role = await Directory.FindAsync<OktaIamRole>("/api/v1/iam/roles/" + OktaDirectory.Escape(entitlement.BindingRoleId), ct).ConfigureAwait(false)
            ?? throw new OktaOperationException("OktaCustomRoleNotFound", OktaFailureKind.NotFound, $"Custom role '{entitlement.BindingRoleId}' was not found.");
        return $"custom role {PrincipalReference.Quote(role.Label ?? role.Id)} ({role.Id}) on resource set {PrincipalReference.Quote(resourceSet.Label ?? resourceSet.Id)} ({resourceSet.Id})";
    }

    /// <summary>The binding's members, or null when the resource set has no binding for the role yet.</summary>
    private async Task<List<OktaBindingMember>?> ListMembersAsync(EntitlementReference entitlement, CancellationToken ct)
    {
        var members = new List<OktaBindingMember>();
        try
        {
            await foreach (var member in Directory.Client.ListIamAsync<OktaBindingMember>(MembersPath(entitlement), "members", ct).ConfigureAwait(false))
            {
                members.Add(member);
            }
        }
        catch (OktaApiException api) when (api.IsNotFound)
        {
            return null;
        }

        return members;
    }

    private static string? FindMember(IEnumerable<OktaBindingMember> members, ResolvedPrincipal who)
    {
        var suffix = "/" + who.ApiPath;
        foreach (var member in members)
        {
            var href = member.Href;
            if (href is not null && href.TrimEnd('/').EndsWith(suffix, StringComparison.Ordinal))
            {
                return member.Id;
            }
        }

        return null;
    }

    private string MemberHref(ResolvedPrincipal who) =>
        Directory.Client.Org.BaseUri.GetLeftPart(UriPartial.Authority) + "/api/v1/" + who.ApiPath;

    private static string BindingsPath(EntitlementReference entitlement) =>
        "/api/v1/iam/resource-sets/" + OktaDirectory.Escape(entitlement.BindingResourceSetId) + "/bindings";

    private static string MembersPath(EntitlementReference entitlement) =>
        BindingsPath(entitlement) + "/" + OktaDirectory.Escape(entitlement.BindingRoleId) + "/members";
}
