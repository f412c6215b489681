using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>What a System Log event may have changed in a sync file, so a refresh knows what to read again.</summary>
[Flags]
internal enum ChangeEffect
{
    None = 0,

    /// <summary>The targeted users' resources (profile, status, lastLogin).</summary>
    UserResource = 1,

    /// <summary>The targeted users no longer exist.</summary>
    UserGone = 2,

    /// <summary>Who is in the targeted groups.</summary>
    GroupMembers = 4,

    /// <summary>Who is in the built-in groups (Everyone holds every user that is not DEPROVISIONED).</summary>
    BuiltInGroupMembers = 8,

    /// <summary>The targeted groups no longer exist.</summary>
    GroupGone = 16,

    /// <summary>Which users and groups the targeted apps are assigned to.</summary>
    AppAssignments = 32,

    /// <summary>The admin roles the targeted users and groups hold.</summary>
    Privileges = 64,

    /// <summary>The admin roles any user or group may hold (a custom role or a resource set went away).</summary>
    AnyPrivileges = 128,

    /// <summary>The event acts on the actor (a sign-in sets the actor's lastLogin).</summary>
    ActorIsTarget = 256,

    /// <summary>Something a refresh reads in full every time (groups, apps, custom roles, resource sets, API tokens): nothing to do.</summary>
    ReadInFull = 512,

    /// <summary>With <see cref="GroupMembers"/>: exactly the targeted users joined (or, with <see cref="Removed"/>, left) the targeted groups.</summary>
    OneMember = 1024,

    /// <summary>With <see cref="AppAssignments"/>: exactly the targeted users' assignments to the targeted apps changed.</summary>
    OneAppUser = 2048,

    /// <summary>With <see cref="OneMember"/> or <see cref="OneAppUser"/>: the user is no longer there.</summary>
    Removed = 4096,

    /// <summary>
    /// The targeted apps no longer exist. Their assignments and the admin-role targets naming them went with them under
    /// this one event, and every group's app count may have moved: groups are read again in full.
    /// </summary>
    AppGone = 8192,
}

/// <summary>
/// How a refresh understands System Log event types, by name from Okta's Event Types catalogue
/// (developer.okta.com/docs/reference/api/event-types, release 2026.08.1). Three kinds:
/// <list type="bullet">
/// <item>understood: the effect is known, and the refresh reads again what the event may have changed;</item>
/// <item>irrelevant: families that never change what a sync file records (sign-ins and their factors, policies,
/// OAuth tokens, delivery of e-mail and SMS, agents, hooks, branding, …): ignored;</item>
/// <item>anything else: not understood, so the refresh cannot prove its result equals a full sync, and falls back to one.</item>
/// </list>
/// Reading again is always right, only dearer: where an effect is uncertain the catalogue reads more, never less.
/// </summary>
internal static class ChangeCatalog
{
    private const ChangeEffect UserChanged = ChangeEffect.UserResource;
    private const ChangeEffect UserAppearsOrGoes = ChangeEffect.UserResource | ChangeEffect.BuiltInGroupMembers;

    private static readonly Dictionary<string, ChangeEffect> Exact = new(StringComparer.Ordinal)
    {
        // users: lifecycle steps change the status, and whether the user is in Everyone
        ["user.lifecycle.create"] = UserAppearsOrGoes,
        ["user.lifecycle.activate"] = UserAppearsOrGoes,
        ["user.lifecycle.reactivate"] = UserAppearsOrGoes,
        ["user.lifecycle.deactivate"] = UserAppearsOrGoes,
        ["user.lifecycle.suspend"] = UserChanged,
        ["user.lifecycle.unsuspend"] = UserChanged,
        ["user.lifecycle.delete.initiated"] = UserAppearsOrGoes,
        ["user.lifecycle.delete.completed"] = UserAppearsOrGoes | ChangeEffect.UserGone,
        ["user.lifecycle.password_mass_expiry"] = UserChanged,
        ["user.lifecycle.jit.error.read_only"] = ChangeEffect.None,
        ["user.account.update_profile"] = UserChanged,
        ["user.account.update_primary_email"] = UserChanged,
        ["user.account.update_secondary_email"] = UserChanged,
        ["user.account.update_user_type"] = UserChanged,
        ["user.account.lock"] = UserChanged,
        ["user.account.lock.limit"] = UserChanged,
        ["user.account.unlock"] = UserChanged,
        ["user.account.unlock_by_admin"] = UserChanged,
        ["user.account.unlock_token"] = UserChanged,
        ["user.account.unlock_failure"] = ChangeEffect.None,
        ["user.account.expire_password"] = UserChanged,
        ["user.account.reset_password"] = UserChanged,
        ["user.account.update_password"] = UserChanged,
        ["user.account.use_token"] = ChangeEffect.None,
        ["user.account.preference_update"] = ChangeEffect.None,
        ["user.account.subscriptions.update"] = ChangeEffect.None,
        ["user.account.report_suspicious_activity_by_enduser"] = ChangeEffect.None,
        ["user.account.access_support_user_app"] = ChangeEffect.None,
        ["user.privileged_account.update_profile"] = UserChanged,
        // a sign-in sets the user's lastLogin, without moving lastUpdated
        ["user.session.start"] = UserChanged | ChangeEffect.ActorIsTarget,

        // admin roles: Okta logs the principal's privileges after every change
        ["user.account.privilege.grant"] = ChangeEffect.Privileges,
        ["user.account.privilege.revoke"] = ChangeEffect.Privileges,
        ["user.privileged_account.privilege.grant"] = ChangeEffect.Privileges,
        ["user.privileged_account.privilege.revoke"] = ChangeEffect.Privileges,
        ["group.privilege.grant"] = ChangeEffect.Privileges,
        ["group.privilege.revoke"] = ChangeEffect.Privileges,
        ["iam.resourceset.bindings.add"] = ChangeEffect.Privileges,
        ["iam.resourceset.bindings.delete"] = ChangeEffect.Privileges,
        ["iam.role.create"] = ChangeEffect.ReadInFull,
        ["iam.role.update"] = ChangeEffect.ReadInFull,
        ["iam.role.permissions.add"] = ChangeEffect.ReadInFull,
        ["iam.role.permissions.delete"] = ChangeEffect.ReadInFull,
        ["iam.role.permission.conditions.add"] = ChangeEffect.ReadInFull,
        ["iam.role.permission.conditions.delete"] = ChangeEffect.ReadInFull,
        ["iam.role.subscriptions.update"] = ChangeEffect.ReadInFull,
        ["iam.role.delete"] = ChangeEffect.AnyPrivileges,
        ["iam.resourceset.create"] = ChangeEffect.ReadInFull,
        ["iam.resourceset.update"] = ChangeEffect.ReadInFull,
        ["iam.resourceset.resources.add"] = ChangeEffect.ReadInFull,
        ["iam.resourceset.resources.update"] = ChangeEffect.ReadInFull,
        ["iam.resourceset.resources.delete"] = ChangeEffect.ReadInFull,
        ["iam.resourceset.delete"] = ChangeEffect.AnyPrivileges,

        // groups: the list is read in full every time; members are read again where they may have moved
        ["group.lifecycle.create"] = ChangeEffect.GroupMembers,
        ["group.lifecycle.delete"] = ChangeEffect.GroupGone,
        ["group.profile.update"] = ChangeEffect.ReadInFull,
        ["group.user_membership.add"] = ChangeEffect.GroupMembers | ChangeEffect.OneMember,
        ["group.user_membership.remove"] = ChangeEffect.GroupMembers | ChangeEffect.OneMember | ChangeEffect.Removed,
        ["directory.external.group.membership.add"] = ChangeEffect.GroupMembers,
        ["directory.external.group.membership.remove"] = ChangeEffect.GroupMembers,

        // apps: the list is read in full every time; assignments are read again where they may have moved
        ["application.user_membership.remove"] = ChangeEffect.AppAssignments | ChangeEffect.OneAppUser | ChangeEffect.Removed,
        ["application.lifecycle.create"] = ChangeEffect.AppAssignments,
        ["application.lifecycle.update"] = ChangeEffect.ReadInFull,
        ["application.lifecycle.activate"] = ChangeEffect.AppAssignments,
        ["application.lifecycle.deactivate"] = ChangeEffect.AppAssignments,
        ["application.lifecycle.delete"] = ChangeEffect.AppAssignments | ChangeEffect.AppGone,

        // API tokens are read in full every time
        ["system.api_token.create"] = ChangeEffect.ReadInFull,
        ["system.api_token.enable"] = ChangeEffect.ReadInFull,
        ["system.api_token.update"] = ChangeEffect.ReadInFull,
        ["system.api_token.revoke"] = ChangeEffect.ReadInFull,
        ["system.api_token.request_outside_allowed_range"] = ChangeEffect.None,
    };

    /// <summary>Families where reading every target again covers whatever the event did.</summary>
    private static readonly KeyValuePair<string, ChangeEffect>[] ReadTargetsAgain =
    {
        Pair("application.user_membership.", ChangeEffect.AppAssignments | ChangeEffect.OneAppUser),
        Pair("application.provision.", ChangeEffect.AppAssignments | ChangeEffect.GroupMembers | ChangeEffect.UserResource),
        Pair("group.application_assignment.", ChangeEffect.AppAssignments),
        Pair("group.user_membership.rule.", ChangeEffect.GroupMembers),
        Pair("application.configuration.", ChangeEffect.ReadInFull),
        Pair("application.policy.", ChangeEffect.None),
        Pair("application.registration_policy.", ChangeEffect.None),
        Pair("application.integration.", ChangeEffect.None),
        Pair("application.cache.", ChangeEffect.None),
    };

    /// <summary>Families that never change users, groups, apps, who is assigned what, admin roles or API tokens.</summary>
    private static readonly string[] Irrelevant =
    {
        "user.authentication.", "user.session.", "user.mfa.", "user.credential.", "user.device_session.", "user.risk.",
        "user.behavior.", "user.internal.", "user.identity_verification", "user.identity_snapshot.", "user.chrome.",
        "policy.", "security.", "app.oauth2.", "oauth2.", "resource_servers.", "zone.", "network_zone.", "pki.", "core.",
        "analytics.", "workflows.", "event_hook.", "inline_hook.", "plugin.", "self_service.", "credential.", "support.",
        "pam.", "device.", "app.keys.", "app.radius.", "app.rum.", "app.kerberos_rich_client.", "app.inbound_del_auth.",
        "app.generic.", "app.saml.", "app.ai_agent_provider.", "app.cross_app_access.", "app.interclient_mapping.",
        "system.email", "system.sms.", "system.voice.", "system.push.", "system.org.", "system.agent.", "system.iwa",
        "system.log_stream.", "system.custom_", "system.hook.", "system.feature.", "system.captcha.", "system.brand.",
        "system.theme.", "system.dr.", "system.well_known_uri.", "system.beta.", "system.rate_limit.", "system.operation.",
        "system.mfa.", "system.oauth2.", "system.client.", "system.internal.", "system.self_service.", "system.idp.",
        "system.agent_pools.",
    };

    /// <summary>
    /// High-volume families the log query itself leaves out (Okta's filter supports <c>sw</c> and <c>not</c>), so a busy
    /// org's sign-ins cost no requests. Only families in <see cref="Irrelevant"/>.
    /// </summary>
    private static readonly string[] ExcludedFromQuery =
    {
        "user.authentication.", "user.mfa.", "policy.", "app.oauth2.", "security.", "user.risk.", "user.internal.",
    };

    /// <summary>The log <c>filter</c> that leaves out the high-volume irrelevant families.</summary>
    public static string QueryFilter { get; } =
        "not (" + string.Join(" or ", Array.ConvertAll(ExcludedFromQuery, prefix => $"eventType sw \"{prefix}\"")) + ")";

    /// <summary>What an event of <paramref name="eventType"/> may change; null when the refresh does not understand it.</summary>
    public static ChangeEffect? EffectOf(string eventType)
    {
        if (Exact.TryGetValue(eventType, out var effect)) return effect;
        foreach (var pair in ReadTargetsAgain)
        {
            if (eventType.StartsWith(pair.Key, StringComparison.Ordinal)) return pair.Value;
        }
        // user.session.start is understood above; the rest of its family only ends or checks sessions
        foreach (var prefix in Irrelevant)
        {
            if (eventType.StartsWith(prefix, StringComparison.Ordinal)) return ChangeEffect.None;
        }
        return null;
    }

    private static KeyValuePair<string, ChangeEffect> Pair(string prefix, ChangeEffect effect) => new(prefix, effect);
}
