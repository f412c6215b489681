using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>app:{id}:access</c>. A user: POST /apps/{a}/users with scope USER (Okta applies the app's username template),
/// unless the user is assigned directly already. A group: PUT /apps/{a}/groups/{g}. Revoke removes a user's direct
/// assignment — by turning it into a group-scoped one when groups also grant the app, since Okta refuses to unassign a
/// user its groups grant the app to — and a group's assignment; access held only through groups is refused, naming them.
/// </summary>
internal sealed class AppAssignmentProvisioner : EntitlementProvisioner
{
    /// <summary>Okta's "Deactivate application for user forbidden": the user's groups grant the app.</summary>
    private const string UnassignForbiddenByGroups = "E0000046";

    public AppAssignmentProvisioner(OktaDirectory directory)
        : base(directory)
    {
    }

    public override string ResourceType => EntitlementReference.AppType;

    public override async Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var app = await Directory.GetAppAsync(entitlement.ResourceId, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var name = app.Label ?? app.Name ?? app.Id;
        var path = AssignmentPath(app.Id, who);
        if (await IsAssignedDirectlyAsync(path, who, ct).ConfigureAwait(false))
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, name, who);
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(app), $"Assign the app to {who.Description}").ConfigureAwait(false))
        {
            return null;
        }

        try
        {
            if (who.Type == PrincipalType.Group)
            {
                // PUT is idempotent: the client may repeat it after a lost answer.
                await Directory.Client.SendAsync(HttpMethod.Put, path, null, ct).ConfigureAwait(false);
            }
            else
            {
                // a user who holds the app only through a group becomes directly assigned too (scope USER); no credentials:
                // Okta names the app user by the app's username template, as it does in the Admin Console
                var body = new AppUserAssignmentRequest { Id = who.Id };
                await WriteSafety.WriteOnceAsync(
                    async () =>
                    {
                        await Directory.Client.SendAsync(HttpMethod.Post, "/api/v1/apps/" + OktaDirectory.Escape(app.Id) + "/users", body, ct).ConfigureAwait(false);
                        return string.Empty;
                    },
                    async () => await IsAssignedDirectlyAsync(path, who, ct).ConfigureAwait(false) ? string.Empty : null,
                    ct).ConfigureAwait(false);
            }
        }
        catch (Exception conflict) when (IsConflict(conflict))
        {
            // E0000062 / E0000090: someone (or our own earlier attempt) assigned it meanwhile.
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, name, who);
        }

        return Result(true, ProvisioningOutcome.Granted, entitlement, name, who);
    }

    public override async Task<AccessChange?> RevokeAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var app = await Directory.GetAppAsync(entitlement.ResourceId, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        var name = app.Label ?? app.Name ?? app.Id;
        var path = AssignmentPath(app.Id, who);
        var what = OktaDirectory.Describe(app);
        if (who.Type == PrincipalType.Group)
        {
            var assigned = await Directory.FindAsync<OktaAppGroup>(path, ct).ConfigureAwait(false) is not null;
            return await RevokeHeldAsync(entitlement, name, what, what, who, new Holding(assigned, null, new List<GroupRef>()), confirm,
                () => Directory.DeleteIfPresentAsync(path, ct)).ConfigureAwait(false);
        }

        var holding = await UserHoldingAsync(app.Id, path, who, ct).ConfigureAwait(false);
        return await RevokeHeldAsync(entitlement, name, what, what, who, holding, confirm,
            () => RemoveDirectAssignmentAsync(path, who, holding.ThroughAnyGroup, ct)).ConfigureAwait(false);
    }

    /// <summary>
    /// Okta lists the user once, with scope USER when assigned directly (whether or not groups also grant the app) or
    /// GROUP when only groups do; which groups is read from the app's groups and the user's.
    /// </summary>
    private async Task<Holding> UserHoldingAsync(string appId, string path, ResolvedPrincipal who, CancellationToken ct)
    {
        var assignment = await Directory.FindAsync<OktaAppUser>(path, ct).ConfigureAwait(false);
        if (assignment is null)
        {
            return Holding.None;
        }

        var throughGroupScope = string.Equals(assignment.Scope, "GROUP", StringComparison.OrdinalIgnoreCase);
        var userGroups = await Directory.GroupsOfUserAsync(who.Id, ct).ConfigureAwait(false);
        var through = new List<GroupRef>();
        await foreach (var group in Directory.Client.ListAsync<OktaAppGroup>("/api/v1/apps/" + OktaDirectory.Escape(appId) + "/groups?limit=200", ct).ConfigureAwait(false))
        {
            if (userGroups.TryGetValue(group.Id, out var named))
            {
                through.Add(named);
            }
        }

        return new Holding(!throughGroupScope, null, through, throughUnnamedGroup: throughGroupScope);
    }

    /// <summary>
    /// Unassigns the user, or — when groups also grant the app — toggles the assignment to group scope, which removes
    /// the direct assignment and keeps what the groups give (Okta answers a DELETE then with 403 E0000046).
    /// </summary>
    private async Task RemoveDirectAssignmentAsync(string path, ResolvedPrincipal who, bool groupsGrantIt, CancellationToken ct)
    {
        if (!groupsGrantIt)
        {
            try
            {
                await Directory.DeleteIfPresentAsync(path, ct).ConfigureAwait(false);
                return;
            }
            catch (OktaApiException refused) when (refused.ErrorCode == UnassignForbiddenByGroups)
            {
                // a group we could not see grants it: fall through to the scope change
            }
        }

        await WriteSafety.WriteOnceAsync(
            async () =>
            {
                await Directory.Client.SendAsync(HttpMethod.Post, path, new { scope = "GROUP" }, ct).ConfigureAwait(false);
                return string.Empty;
            },
            async () => await IsAssignedDirectlyAsync(path, who, ct).ConfigureAwait(false) ? null : string.Empty,
            ct).ConfigureAwait(false);
    }

    private static string AssignmentPath(string appId, ResolvedPrincipal who) =>
        "/api/v1/apps/" + OktaDirectory.Escape(appId) + "/" + who.ApiPath;

    /// <summary>A group assigned to the app, or a user assigned with scope USER (not only through groups).</summary>
    private async Task<bool> IsAssignedDirectlyAsync(string path, ResolvedPrincipal who, CancellationToken ct)
    {
        if (who.Type == PrincipalType.Group)
        {
            return await Directory.FindAsync<OktaAppGroup>(path, ct).ConfigureAwait(false) is not null;
        }

        var user = await Directory.FindAsync<OktaAppUser>(path, ct).ConfigureAwait(false);
        return user is not null && !string.Equals(user.Scope, "GROUP", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class AppUserAssignmentRequest
    {
        public string Id { get; set; } = string.Empty;

        public string Scope { get; set; } = "USER";
    }
}
