using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// <c>app:{id}:access</c>. A user: POST /apps/{a}/users with scope USER (Okta applies the app's username template),
/// after checking the assignment is not there already. A group: PUT /apps/{a}/groups/{g}. Both revokes are idempotent.
/// </summary>
internal sealed class AppAssignmentProvisioner : EntitlementProvisioner
{
    public AppAssignmentProvisioner(OktaDirectory directory)
        : base(directory)
    {
    }

    public override string ResourceType => EntitlementReference.AppType;

    public override async Task<AccessChange?> GrantAsync(EntitlementReference entitlement, PrincipalReference principal, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var app = await Directory.GetAppAsync(entitlement.ResourceId, ct).ConfigureAwait(false);
        var who = await ResolveAsync(principal, ct).ConfigureAwait(false);
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(app), $"Assign the app to {who.Description}").ConfigureAwait(false))
        {
            return null;
        }

        var name = app.Label ?? app.Name ?? app.Id;
        var path = AssignmentPath(app.Id, who);
        if (await FindAssignmentAsync(path, who, ct).ConfigureAwait(false) is not null)
        {
            return Result(true, ProvisioningOutcome.AlreadyGranted, entitlement, name, who);
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
                // no credentials: Okta names the app user by the app's username template, as it does in the Admin Console
                var body = new AppUserAssignmentRequest { Id = who.Id };
                await WriteSafety.WriteOnceAsync(
                    async () =>
                    {
                        await Directory.Client.SendAsync(HttpMethod.Post, "/api/v1/apps/" + OktaDirectory.Escape(app.Id) + "/users", body, ct).ConfigureAwait(false);
                        return string.Empty;
                    },
                    () => FindAssignmentAsync(path, who, ct),
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
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(app), $"Unassign the app from {who.Description}").ConfigureAwait(false))
        {
            return null;
        }

        var name = app.Label ?? app.Name ?? app.Id;
        var path = AssignmentPath(app.Id, who);
        if (who.Type == PrincipalType.User)
        {
            var assignment = await Directory.FindAsync<OktaAppUser>(path, ct).ConfigureAwait(false);
            if (assignment is null)
            {
                return Result(false, ProvisioningOutcome.AlreadyRevoked, entitlement, name, who);
            }

            if (string.Equals(assignment.Scope, "GROUP", StringComparison.OrdinalIgnoreCase))
            {
                throw new OktaOperationException("OktaAssignedThroughGroup", OktaFailureKind.InvalidOperation,
                    $"{who.Description} holds {OktaDirectory.Describe(app)} through a group assignment; revoke the group's app assignment or the group membership instead.");
            }
        }
        else if (await Directory.FindAsync<OktaAppGroup>(path, ct).ConfigureAwait(false) is null)
        {
            return Result(false, ProvisioningOutcome.AlreadyRevoked, entitlement, name, who);
        }

        var removed = await Directory.DeleteIfPresentAsync(path, ct).ConfigureAwait(false);
        return Result(false, removed ? ProvisioningOutcome.Revoked : ProvisioningOutcome.AlreadyRevoked, entitlement, name, who);
    }

    private static string AssignmentPath(string appId, ResolvedPrincipal who) =>
        "/api/v1/apps/" + OktaDirectory.Escape(appId) + "/" + who.ApiPath;

    private async Task<string?> FindAssignmentAsync(string path, ResolvedPrincipal who, CancellationToken ct) =>
        who.Type == PrincipalType.User
            ? (await Directory.FindAsync<OktaAppUser>(path, ct).ConfigureAwait(false))?.Id
            : (await Directory.FindAsync<OktaAppGroup>(path, ct).ConfigureAwait(false))?.Id;

    private sealed class AppUserAssignmentRequest
    {
        public string Id { get; set; } = string.Empty;

        public string Scope { get; set; } = "USER";
    }
}
