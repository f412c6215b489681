using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Model;

/// <summary>
/// How the org's changes reach its System Log. A change is applied by an OrgState method, and that method calls
/// <see cref="Record(string, string, LogTarget[])"/> with the catalogue's event type: a handler cannot change the org
/// without the event. Who is acting comes from the <see cref="ChangeContext"/> the pipeline (or the admin console)
/// opens with <see cref="ChangesBy"/> around each request.
/// </summary>
internal sealed partial class OrgState
{
    /// <summary>Okta's base user profile attributes (Okta user schema); custom ones are added as users carry them.</summary>
    private static readonly string[] BaseProfileAttributes =
    {
        "login", "email", "secondEmail", "firstName", "lastName", "middleName", "honorificPrefix", "honorificSuffix", "title",
        "displayName", "nickName", "profileUrl", "primaryPhone", "mobilePhone", "streetAddress", "city", "state", "zipCode",
        "countryCode", "postalAddress", "preferredLanguage", "locale", "timezone", "userType", "employeeNumber", "costCenter",
        "organization", "division", "department", "managerId", "manager",
    };

    private ChangeContext? _changeContext;

    public LogStore Log { get; } = new();

    /// <summary>The org's clock: what changes and events are dated by.</summary>
    public DateTimeOffset Now => Log.Clock.GetUtcNow();

    /// <summary>The user profile schema's attribute names (what <c>search=profile.X …</c> may name).</summary>
    public HashSet<string> UserProfileAttributes { get; } = new(BaseProfileAttributes, StringComparer.Ordinal);

    /// <summary>Makes <paramref name="context"/> the actor of every change until the scope is disposed (under <see cref="Sync"/>).</summary>
    public ChangeScope ChangesBy(ChangeContext context)
    {
        var previous = _changeContext;
        _changeContext = context;
        return new ChangeScope(this, previous);
    }

    public readonly struct ChangeScope : IDisposable
    {
        private readonly OrgState _org;
        private readonly ChangeContext? _previous;

        public ChangeScope(OrgState org, ChangeContext? previous)
        {
            _org = org;
            _previous = previous;
        }

        public void Dispose() => _org._changeContext = _previous;
    }

    /// <summary>An event for a change the simulator does not model (POST /__simulator/log): nothing in the org changes.</summary>
    public void RecordOther(string eventType, IReadOnlyList<LogTarget> targets) => Record(eventType, eventType, targets, null);

    private LogEvent? Record(string eventType, string displayMessage, params LogTarget[] targets) => Record(eventType, displayMessage, targets, null);

    /// <summary>Logs the change; the event (null while the seed builds the org), whose date the change can take as its own.</summary>
    private LogEvent? Record(string eventType, string displayMessage, IReadOnlyList<LogTarget> targets, IReadOnlyDictionary<string, string>? debugData)
    {
        if (!Log.IsRecording)
        {
            // The seed is building the org's past; the log starts with the org's first answer.
            return null;
        }
        var context = _changeContext
            ?? throw new InvalidOperationException($"'{eventType}' changed the org outside a change context: open one with OrgState.ChangesBy (the pipeline and the admin console do).");
        return Log.Append(context, eventType, displayMessage, targets, debugData);
    }

    /// <summary>
    /// The principal's privileges after a role change. Okta fires <c>…privilege.grant</c> ("admin privileges changed",
    /// listing what is held now) while any privilege remains, and <c>…privilege.revoke</c> only when none is left.
    /// </summary>
    private void RecordPrivileges(string assignmentType, int principalIndex, RoleAssignment? revoked)
    {
        var held = RolesOf(assignmentType, principalIndex);
        var isUser = assignmentType == "USER";
        var target = isUser ? Target(Users[principalIndex]!) : Target(Groups[principalIndex]!);
        var debug = new Dictionary<string, string>(StringComparer.Ordinal);
        if (revoked is not null)
        {
            debug["privilegeRevoked"] = revoked.Label;
        }
        if (held.Count == 0)
        {
            Record(isUser ? EventTypes.UserPrivilegeRevoke : EventTypes.GroupPrivilegeRevoke, isUser ? "Revoke user privilege" : "Revoke group privilege", new[] { target }, debug);
            return;
        }
        debug["privilegeGranted"] = string.Join(", ", held.Select(r => r.Label));
        Record(isUser ? EventTypes.UserPrivilegeGrant : EventTypes.GroupPrivilegeGrant, isUser ? "Grant user privilege" : "Grant group privilege", new[] { target }, debug);
    }

    private void NoteProfileAttributes(UserProfile profile)
    {
        if (profile.Extra is null)
        {
            return;
        }
        foreach (var name in profile.Extra.Keys)
        {
            UserProfileAttributes.Add(name);
        }
    }

    public static string DisplayNameOf(OktaUser user) =>
        user.Profile.DisplayName ?? string.Join(' ', new[] { user.Profile.FirstName, user.Profile.LastName }.Where(n => !string.IsNullOrEmpty(n)));

    public static LogTarget Target(OktaUser user) => new(user.Id, "User", user.Profile.Login, DisplayNameOf(user));

    public static LogTarget Target(OktaGroup group) => new(group.Id, "UserGroup", "unknown", group.Name);

    public static LogTarget Target(OktaApp app) => new(app.Id, "AppInstance", app.Label, app.Label);

    private LogTarget AppUserTarget(OktaApp app, AppUserAssignment assignment)
    {
        var user = Users[assignment.UserIndex]!;
        return new LogTarget(user.Id, "AppUser", assignment.UserName ?? user.Profile.Login, DisplayNameOf(user));
    }

    private LogTarget[] BindingTargets(ResourceSet set, string roleId, string principalType, int principalIndex)
    {
        var role = FindRole(roleId);
        var principal = principalType == "USER" ? Target(Users[principalIndex]!) : Target(Groups[principalIndex]!);
        return new[]
        {
            new LogTarget(set.Id, "ResourceSet", set.Label, set.Label),
            new LogTarget(roleId, "Role", role?.Label ?? roleId, role?.Label ?? roleId),
            principal,
        };
    }
}

/// <summary>How a new user signs in: a password was set, and who provides credentials (OKTA, FEDERATION, …).</summary>
internal sealed record NewUserCredentials(bool HasPassword, string ProviderType, string ProviderName);
