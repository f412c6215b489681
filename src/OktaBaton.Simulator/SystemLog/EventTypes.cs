namespace OktaBaton.Simulator.SystemLog;

/// <summary>
/// The event types the simulator records, named as in Okta's Event Types catalogue
/// (developer.okta.com/docs/reference/api/event-types/#catalog; data: okta-developer-docs
/// packages/@okta/vuepress-site/data/event-types.json, release 2026.08.1). A new kind of change picks its type here
/// (add the catalogue's name, never invent one) and records it from the OrgState method that applies the change.
/// </summary>
internal static class EventTypes
{
    public const string UserCreate = "user.lifecycle.create";
    public const string UserActivate = "user.lifecycle.activate";
    public const string UserReactivate = "user.lifecycle.reactivate";
    public const string UserDeactivate = "user.lifecycle.deactivate";
    public const string UserSuspend = "user.lifecycle.suspend";
    public const string UserUnsuspend = "user.lifecycle.unsuspend";
    public const string UserDeleteInitiated = "user.lifecycle.delete.initiated";
    public const string UserDeleteCompleted = "user.lifecycle.delete.completed";
    /// <summary>"User account unlock by admin" (an admin's /lifecycle/unlock, not the automatic <c>user.account.unlock</c>).</summary>
    public const string UserUnlockByAdmin = "user.account.unlock_by_admin";
    public const string UserExpirePassword = "user.account.expire_password";
    public const string UserUpdateProfile = "user.account.update_profile";
    /// <summary>"Reset all factors for user" (the admin's /lifecycle/reset_factors).</summary>
    public const string UserResetFactors = "user.mfa.factor.reset_all";

    /// <summary>"A User's admin privileges changed": fired on every change that leaves the user with privileges; debugData lists them.</summary>
    public const string UserPrivilegeGrant = "user.account.privilege.grant";
    /// <summary>"All of user's admin privilege revoked": fired only when the user holds no admin privilege any more.</summary>
    public const string UserPrivilegeRevoke = "user.account.privilege.revoke";
    public const string GroupPrivilegeGrant = "group.privilege.grant";
    /// <summary>"Group's admin privilege revoked … the group has no more admin privileges."</summary>
    public const string GroupPrivilegeRevoke = "group.privilege.revoke";
    /// <summary>"Admin role assignment is created": a user or group bound to a role on a resource set.</summary>
    public const string ResourceSetBindingAdd = "iam.resourceset.bindings.add";
    public const string ResourceSetBindingDelete = "iam.resourceset.bindings.delete";

    public const string GroupCreate = "group.lifecycle.create";
    public const string GroupDelete = "group.lifecycle.delete";
    public const string GroupProfileUpdate = "group.profile.update";
    public const string GroupMembershipAdd = "group.user_membership.add";
    public const string GroupMembershipRemove = "group.user_membership.remove";
    public const string GroupAppAssignmentAdd = "group.application_assignment.add";
    public const string GroupAppAssignmentUpdate = "group.application_assignment.update";
    public const string GroupAppAssignmentRemove = "group.application_assignment.remove";

    public const string AppActivate = "application.lifecycle.activate";
    public const string AppDeactivate = "application.lifecycle.deactivate";
    public const string AppUpdate = "application.lifecycle.update";
    public const string AppDelete = "application.lifecycle.delete";

    public const string RoleCreate = "iam.role.create";
    public const string RoleDelete = "iam.role.delete";
    public const string ResourceSetCreate = "iam.resourceset.create";
    public const string ResourceSetUpdate = "iam.resourceset.update";
    public const string ResourceSetDelete = "iam.resourceset.delete";

    public const string ApiTokenRevoke = "system.api_token.revoke";

    /// <summary>"User login to Okta": a sign-in, which sets the user's lastLogin.</summary>
    public const string UserSessionStart = "user.session.start";

    public const string AppMembershipAdd = "application.user_membership.add";
    public const string AppMembershipRemove = "application.user_membership.remove";
    public const string AppMembershipChangeUserName = "application.user_membership.change_username";
    /// <summary>"Update user's application membership": here, a direct assignment turned into a group-scoped one.</summary>
    public const string AppMembershipUpdate = "application.user_membership.update";
}
