using System.Collections.Generic;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// System Log event types of the changes OktaBaton makes, from Okta's Event Types catalogue
/// (developer.okta.com/docs/reference/api/event-types): what Get-OktaLog -EventType completes.
/// </summary>
public static class KnownEventTypes
{
    public static IReadOnlyList<string> All { get; } = new[]
    {
        "application.user_membership.add",
        "application.user_membership.change_username",
        "application.user_membership.remove",
        "group.application_assignment.add",
        "group.application_assignment.remove",
        "group.application_assignment.update",
        "group.lifecycle.create",
        "group.lifecycle.delete",
        "group.privilege.grant",
        "group.privilege.revoke",
        "group.profile.update",
        "group.user_membership.add",
        "group.user_membership.remove",
        "iam.resourceset.bindings.add",
        "iam.resourceset.bindings.delete",
        "user.account.expire_password",
        "user.account.privilege.grant",
        "user.account.privilege.revoke",
        "user.account.unlock_by_admin",
        "user.account.update_profile",
        "user.lifecycle.activate",
        "user.lifecycle.create",
        "user.lifecycle.deactivate",
        "user.lifecycle.delete.completed",
        "user.lifecycle.delete.initiated",
        "user.lifecycle.reactivate",
        "user.lifecycle.suspend",
        "user.lifecycle.unsuspend",
        "user.mfa.factor.reset_all",
        "user.session.start",
    };
}
