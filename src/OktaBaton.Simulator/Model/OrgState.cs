using OktaBaton.Simulator.Http;
using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Model;

/// <summary>
/// The whole simulated org. Not thread-safe: callers hold <see cref="Sync"/>. Every change goes through a method
/// here, and the method records the change's System Log event (see OrgState.Log.cs): handlers never change the
/// model directly.
/// </summary>
internal sealed partial class OrgState
{
    private readonly Dictionary<string, int> _userIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _userLogins = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _groupIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _appIds = new(StringComparer.Ordinal);
    private int _roleAssignmentCounter;
    private int _bindingMemberCounter;

    public OrgState(string name, long idSalt)
    {
        Name = name;
        IdSalt = idSalt;
    }

    public object Sync { get; } = new();
    public string Name { get; }
    public long IdSalt { get; }
    public string UserTypeId => IdFactory.Make("oty", IdSalt, 0);

    public List<OktaUser?> Users { get; } = new();
    public List<OktaGroup?> Groups { get; } = new();
    public List<OktaApp?> Apps { get; } = new();
    public Dictionary<int, List<RoleAssignment>> UserRoles { get; } = new();
    public Dictionary<int, List<RoleAssignment>> GroupRoles { get; } = new();

    /// <summary>Every admin role assignment, to users and to groups.</summary>
    private IEnumerable<RoleAssignment> AllRoleAssignments => UserRoles.Values.Concat(GroupRoles.Values).SelectMany(list => list);

    /// <summary>Users holding at least one ACTIVE admin role directly, by index.</summary>
    public SortedIntSet RoleAssignees { get; } = new();
    public List<CustomRole> CustomRoles { get; } = new();
    public List<ResourceSet> ResourceSets { get; } = new();
    public List<ApiToken> ApiTokens { get; } = new();
    public List<Device> Devices { get; } = new();
    public int EveryoneIndex { get; private set; } = -1;
    /// <summary>The user that owns the tokens the simulator accepts (/users/me).</summary>
    public int TokenOwnerIndex { get; set; }

    // ---- users ----

    /// <summary>Creates a user; <paramref name="credentials"/> says how it signs in (password set, provider).</summary>
    public OktaUser AddUser(UserProfile profile, string status, DateTimeOffset created, NewUserCredentials? credentials = null)
    {
        var index = Users.Count;
        var user = new OktaUser(index, IdFactory.Make("00u", IdSalt, index), profile)
        {
            Status = status,
            Created = created,
            LastUpdated = created,
            StatusChanged = created,
            Activated = status is UserStatus.Staged ? null : created,
        };
        if (credentials is not null)
        {
            user.PasswordChanged = credentials.HasPassword ? created : null;
            user.ProviderType = credentials.ProviderType;
            user.ProviderName = credentials.ProviderName;
        }
        Users.Add(user);
        _userIds[user.Id] = index;
        _userLogins[profile.Login] = index;
        NoteProfileAttributes(profile);
        if (EveryoneIndex >= 0 && status != UserStatus.Deprovisioned)
        {
            Groups[EveryoneIndex]!.Members.AppendSorted(index);
        }
        Record(EventTypes.UserCreate, "Create Okta user", Target(user));
        if (status != UserStatus.Staged)
        {
            Record(EventTypes.UserActivate, "Activate Okta user", Target(user));
        }
        return user;
    }

    /// <summary>Applies profile changes (POST /users/{id}); a new login must already have been checked for uniqueness.</summary>
    public void UpdateUserProfile(OktaUser user, Action<UserProfile> apply, DateTimeOffset now)
    {
        var oldLogin = user.Profile.Login;
        apply(user.Profile);
        if (!string.Equals(oldLogin, user.Profile.Login, StringComparison.Ordinal))
        {
            _userLogins.Remove(oldLogin);
            _userLogins[user.Profile.Login] = user.Index;
        }
        NoteProfileAttributes(user.Profile);
        user.LastUpdated = now;
        Record(EventTypes.UserUpdateProfile, "Update user profile for Okta", Target(user));
    }

    /// <summary>
    /// A lifecycle step: the user's new status and the System Log event type that names the step
    /// (<see cref="EventTypes"/>: activate, deactivate, suspend, …). Also keeps Everyone's membership right.
    /// </summary>
    public void ChangeUserStatus(OktaUser user, string status, string eventType, string displayMessage, DateTimeOffset now)
    {
        SetUserStatus(user, status, now);
        if (eventType == EventTypes.UserActivate)
        {
            user.Activated = now;
        }
        Record(eventType, displayMessage, Target(user));
    }

    /// <summary>A lifecycle step that leaves the status as it is (reactivate re-sends the activation email).</summary>
    public void RecordUserLifecycle(OktaUser user, string eventType, string displayMessage) => Record(eventType, displayMessage, Target(user));

    public OktaUser? FindUser(string idOrLogin)
    {
        if (_userIds.TryGetValue(idOrLogin, out var index) || _userLogins.TryGetValue(idOrLogin, out index))
        {
            return Users[index];
        }
        return null;
    }

    public OktaUser GetUser(string idOrLogin) => FindUser(idOrLogin) ?? throw OktaApiException.NotFound(idOrLogin, "User");

    /// <summary>Index a cursor id points at, also for deleted users, so paging survives deletes.</summary>
    public int? UserIndexOf(string id) => _userIds.TryGetValue(id, out var index) ? index : null;

    public bool LoginExists(string login) => _userLogins.TryGetValue(login, out var index) && Users[index] is not null;

    private void SetUserStatus(OktaUser user, string status, DateTimeOffset now)
    {
        var wasDeprovisioned = user.Status == UserStatus.Deprovisioned;
        user.Status = status;
        user.StatusChanged = now;
        user.LastUpdated = now;
        if (EveryoneIndex < 0)
        {
            return;
        }
        var everyone = Groups[EveryoneIndex]!;
        if (status == UserStatus.Deprovisioned && !wasDeprovisioned)
        {
            everyone.Members.Remove(user.Index);
            everyone.LastMembershipUpdated = now;
        }
        else if (status != UserStatus.Deprovisioned && wasDeprovisioned)
        {
            everyone.Members.Add(user.Index);
            everyone.LastMembershipUpdated = now;
        }
    }

    /// <summary>
    /// Deactivation (lifecycle/deactivate, or a first DELETE): the user becomes DEPROVISIONED, "all app assignments
    /// are removed and the password is permanently deleted" (Okta help, "About user account status"); assignments to
    /// INACTIVE apps are left untouched and group memberships are kept (Okta support: "Deprovisioning behavior when
    /// an application is inactive", "Can an application be assigned to a deactivated user").
    /// </summary>
    public void DeactivateUser(OktaUser user, DateTimeOffset now)
    {
        ChangeUserStatus(user, UserStatus.Deprovisioned, EventTypes.UserDeactivate, "Deactivate Okta user", now);
        user.PasswordChanged = null;
        user.Factors.Clear();
        foreach (var app in Apps)
        {
            if (app is not null && app.Status == "ACTIVE" && app.Users.TryGetValue(user.Index, out var assignment))
            {
                app.Users.Remove(user.Index);
                app.UserIndexes.Remove(user.Index);
                Record(EventTypes.AppMembershipRemove, "Remove users app membership", AppUserTarget(app, assignment), Target(app), Target(user));
            }
        }
    }

    /// <summary>
    /// Activation of a STAGED or DEPROVISIONED user: ACTIVE with a password or a federated provider, else
    /// PROVISIONED until the user completes activation. A reactivated user gets the apps of the groups it is still
    /// in again; direct assignments removed at deactivation stay removed (they must be reassigned).
    /// </summary>
    public void ActivateUser(OktaUser user, DateTimeOffset now)
    {
        var wasDeprovisioned = user.Status == UserStatus.Deprovisioned;
        var status = user.HasPassword || user.ProviderType != "OKTA" ? UserStatus.Active : UserStatus.Provisioned;
        ChangeUserStatus(user, status, EventTypes.UserActivate, "Activate Okta user", now);
        if (!wasDeprovisioned)
        {
            return;
        }
        foreach (var group in Groups)
        {
            if (group is null || !group.Members.Contains(user.Index))
            {
                continue;
            }
            foreach (var appIndex in group.Apps.Items)
            {
                var app = Apps[appIndex]!;
                if (app.Status == "ACTIVE")
                {
                    AddAppUserThroughGroup(app, user, group, now);
                }
            }
        }
    }

    /// <summary>reset_factors: every enrolled factor back to unenrolled; the status stays.</summary>
    public void ResetFactors(OktaUser user, DateTimeOffset now)
    {
        user.Factors.Clear();
        user.LastUpdated = now;
        Record(EventTypes.UserResetFactors, "Reset all factors for user", Target(user));
    }

    /// <summary>See <see cref="SimulatorOptions.UserDeletionLogsMemberships"/>.</summary>
    public bool UserDeletionLogsMemberships { get; set; } = true;

    public void DeleteUser(OktaUser user, DateTimeOffset now)
    {
        foreach (var group in Groups)
        {
            if (group is null || !group.Members.Contains(user.Index)) continue;
            // the user's app assignments go with it below, either way
            if (UserDeletionLogsMemberships) RemoveMember(group, user, now);
            else group.Members.Remove(user.Index);
        }
        foreach (var app in Apps)
        {
            if (app is not null && app.Users.Remove(user.Index))
            {
                app.UserIndexes.Remove(user.Index);
                Record(EventTypes.AppMembershipRemove, "Remove users app membership", Target(app), Target(user));
            }
        }
        if (UserRoles.Remove(user.Index))
        {
            Record(EventTypes.UserPrivilegeRevoke, "Revoke user privilege", Target(user));
        }
        RoleAssignees.Remove(user.Index);
        foreach (var set in ResourceSets)
        {
            foreach (var binding in set.Bindings)
            {
                binding.Members.RemoveAll(m => m.PrincipalType == "USER" && m.PrincipalIndex == user.Index);
            }
        }
        foreach (var device in Devices)
        {
            device.Users.RemoveAll(link => link.UserIndex == user.Index);
        }
        _userLogins.Remove(user.Profile.Login);
        user.Deleted = true;
        Users[user.Index] = null;
        Record(EventTypes.UserDeleteInitiated, "Delete Okta user initiated", Target(user));
        Record(EventTypes.UserDeleteCompleted, "Delete Okta user completed", Target(user));
    }

    // ---- groups ----

    public OktaGroup AddGroup(string type, string name, string? description, DateTimeOffset created)
    {
        var index = Groups.Count;
        var group = new OktaGroup(index, IdFactory.Make("00g", IdSalt, index), type, name)
        {
            Description = description,
            Created = created,
            LastUpdated = created,
            LastMembershipUpdated = created,
        };
        Groups.Add(group);
        _groupIds[group.Id] = index;
        Record(EventTypes.GroupCreate, "Create Okta group", Target(group));
        if (type == OktaGroup.BuiltInType && name == "Everyone")
        {
            EveryoneIndex = index;
            foreach (var user in Users)
            {
                if (user is not null && user.Status != UserStatus.Deprovisioned)
                {
                    group.Members.AppendSorted(user.Index);
                }
            }
        }
        return group;
    }

    public OktaGroup GetGroup(string id) =>
        _groupIds.TryGetValue(id, out var index) && Groups[index] is { } group
            ? group
            : throw OktaApiException.NotFound(id, "UserGroup");

    public int? GroupIndexOf(string id) => _groupIds.TryGetValue(id, out var index) ? index : null;

    /// <summary>Replaces the group's profile (PUT /groups/{id}).</summary>
    public void UpdateGroupProfile(OktaGroup group, string name, string? description, DateTimeOffset now)
    {
        var from = new Dictionary<string, string?> { ["name"] = group.Name, ["description"] = group.Description };
        group.Name = name;
        group.Description = description;
        group.LastUpdated = now;
        var to = new Dictionary<string, string?> { ["name"] = name, ["description"] = description };
        Record(EventTypes.GroupProfileUpdate, "Update Okta group profile", Target(group) with { Changes = new LogChange(from, to) });
    }

    public bool AddMember(OktaGroup group, OktaUser user, DateTimeOffset now)
    {
        if (!group.Members.Add(user.Index))
        {
            return false;
        }
        group.LastMembershipUpdated = now;
        Record(EventTypes.GroupMembershipAdd, "Add user to group membership", Target(user), Target(group));
        if (user.Status == UserStatus.Deprovisioned)
        {
            // a deactivated user cannot be assigned to apps, also not through a group
            return true;
        }
        foreach (var appIndex in group.Apps.Items)
        {
            AddAppUserThroughGroup(Apps[appIndex]!, user, group, now);
        }
        return true;
    }

    public bool RemoveMember(OktaGroup group, OktaUser user, DateTimeOffset now)
    {
        if (!group.Members.Remove(user.Index))
        {
            return false;
        }
        group.LastMembershipUpdated = now;
        Record(EventTypes.GroupMembershipRemove, "Remove user from group membership", Target(user), Target(group));
        foreach (var appIndex in group.Apps.Items)
        {
            var app = Apps[appIndex]!;
            if (app.Users.TryGetValue(user.Index, out var assignment) && assignment.ViaGroupCount > 0)
            {
                assignment.ViaGroupCount--;
                DropIfUnassigned(app, assignment);
            }
        }
        return true;
    }

    public void DeleteGroup(OktaGroup group, DateTimeOffset now)
    {
        foreach (var appIndex in group.Apps.Items.ToArray())
        {
            UnassignAppGroup(Apps[appIndex]!, group, now);
        }
        if (GroupRoles.Remove(group.Index))
        {
            Record(EventTypes.GroupPrivilegeRevoke, "Revoke group privilege", Target(group));
        }
        foreach (var role in AllRoleAssignments)
        {
            role.TargetGroups.Remove(group.Index);
        }
        foreach (var set in ResourceSets)
        {
            foreach (var binding in set.Bindings)
            {
                binding.Members.RemoveAll(m => m.PrincipalType == "GROUP" && m.PrincipalIndex == group.Index);
            }
        }
        group.Deleted = true;
        Groups[group.Index] = null;
        Record(EventTypes.GroupDelete, "Delete Okta group", Target(group));
    }

    public bool GroupHoldsAdminRole(OktaGroup group) =>
        GroupRoles.TryGetValue(group.Index, out var roles) && roles.Count > 0;

    // ---- apps ----

    public OktaApp AddApp(string name, string label, string status, string signOnMode, DateTimeOffset created)
    {
        var index = Apps.Count;
        var app = new OktaApp(index, IdFactory.Make("0oa", IdSalt, index), name, label)
        {
            Status = status,
            SignOnMode = signOnMode,
            Created = created,
            LastUpdated = created,
        };
        Apps.Add(app);
        _appIds[app.Id] = index;
        return app;
    }

    public OktaApp GetApp(string id) =>
        _appIds.TryGetValue(id, out var index) && Apps[index] is { } app
            ? app
            : throw OktaApiException.NotFound(id, "AppInstance");

    public int? AppIndexOf(string id) => _appIds.TryGetValue(id, out var index) ? index : null;

    /// <summary>Assigns directly; false when the user was already directly assigned.</summary>
    public bool AssignAppUser(OktaApp app, OktaUser user, string? userName, DateTimeOffset now)
    {
        var assignment = GetOrAddAppUser(app, user, now, out _);
        if (assignment.Direct)
        {
            return false;
        }
        assignment.Direct = true;
        assignment.UserName = userName ?? UserNameTemplate.Apply(app.UserNameTemplate, user);
        assignment.LastUpdated = now;
        Record(EventTypes.AppMembershipAdd, "Add user to application membership", AppUserTarget(app, assignment), Target(app), Target(user));
        return true;
    }

    /// <summary>Changes the user's username in the app (POST /apps/{id}/users/{userId}).</summary>
    public void ChangeAppUserName(OktaApp app, AppUserAssignment assignment, string userName, DateTimeOffset now)
    {
        var from = assignment.UserName;
        assignment.UserName = userName;
        assignment.LastUpdated = now;
        var changes = new LogChange(new Dictionary<string, string?> { ["userName"] = from }, new Dictionary<string, string?> { ["userName"] = userName });
        Record(EventTypes.AppMembershipChangeUserName, "Change users application username", AppUserTarget(app, assignment) with { Changes = changes }, Target(app), Target(Users[assignment.UserIndex]!));
    }

    /// <summary>
    /// Removes a direct assignment. Okta refuses (403 E0000046 "Deactivate application for user forbidden") while the
    /// user's group memberships grant the app, so the caller checks <see cref="AppUserAssignment.ViaGroupCount"/> first.
    /// </summary>
    public bool UnassignAppUser(OktaApp app, OktaUser user)
    {
        if (!app.Users.TryGetValue(user.Index, out var assignment) || assignment.ViaGroupCount > 0)
        {
            return false;
        }
        app.Users.Remove(user.Index);
        app.UserIndexes.Remove(user.Index);
        Record(EventTypes.AppMembershipRemove, "Remove users app membership", AppUserTarget(app, assignment), Target(app), Target(user));
        return true;
    }

    /// <summary>
    /// Turns a direct assignment into a group one (the app user's scope toggled to GROUP): the user keeps the app only
    /// through the groups that grant it. False when no group grants it.
    /// </summary>
    public bool ConvertAppUserToGroupScope(OktaApp app, AppUserAssignment assignment, DateTimeOffset now)
    {
        if (assignment.ViaGroupCount == 0)
        {
            return false;
        }
        assignment.Direct = false;
        assignment.LastUpdated = now;
        var changes = new LogChange(new Dictionary<string, string?> { ["scope"] = "USER" }, new Dictionary<string, string?> { ["scope"] = "GROUP" });
        Record(EventTypes.AppMembershipUpdate, "Update user's application membership", AppUserTarget(app, assignment) with { Changes = changes }, Target(app), Target(Users[assignment.UserIndex]!));
        return true;
    }

    public AppGroupAssignment AssignAppGroup(OktaApp app, OktaGroup group, int? priority, DateTimeOffset now)
    {
        if (!app.Groups.TryGetValue(group.Index, out var assignment))
        {
            assignment = new AppGroupAssignment(group.Index) { Priority = priority ?? app.Groups.Count };
            app.Groups[group.Index] = assignment;
            app.GroupIndexes.Add(group.Index);
            group.Apps.Add(app.Index);
            Record(EventTypes.GroupAppAssignmentAdd, "Add assigned application to group", Target(app), Target(group));
            foreach (var userIndex in group.Members.Items)
            {
                var member = Users[userIndex]!;
                if (member.Status != UserStatus.Deprovisioned)
                {
                    AddAppUserThroughGroup(app, member, group, now);
                }
            }
        }
        else if (priority is not null && priority.Value != assignment.Priority)
        {
            assignment.Priority = priority.Value;
            Record(EventTypes.GroupAppAssignmentUpdate, "Update assigned application in group", Target(app), Target(group));
        }
        assignment.LastUpdated = now;
        return assignment;
    }

    public bool UnassignAppGroup(OktaApp app, OktaGroup group, DateTimeOffset now)
    {
        if (!app.Groups.Remove(group.Index))
        {
            return false;
        }
        app.GroupIndexes.Remove(group.Index);
        group.Apps.Remove(app.Index);
        Record(EventTypes.GroupAppAssignmentRemove, "Remove assigned application from group", Target(app), Target(group));
        foreach (var userIndex in group.Members.Items)
        {
            if (app.Users.TryGetValue(userIndex, out var assignment) && assignment.ViaGroupCount > 0)
            {
                assignment.ViaGroupCount--;
                assignment.LastUpdated = now;
                DropIfUnassigned(app, assignment);
            }
        }
        return true;
    }

    private static AppUserAssignment GetOrAddAppUser(OktaApp app, OktaUser user, DateTimeOffset now, out bool added)
    {
        added = !app.Users.TryGetValue(user.Index, out var assignment);
        if (assignment is null)
        {
            assignment = new AppUserAssignment(user.Index) { Created = now, LastUpdated = now, UserName = UserNameTemplate.Apply(app.UserNameTemplate, user) };
            app.Users[user.Index] = assignment;
            app.UserIndexes.Add(user.Index);
        }
        return assignment;
    }

    /// <summary>A group member gets the group's app: a new app user is an application.user_membership.add of its own.</summary>
    private void AddAppUserThroughGroup(OktaApp app, OktaUser user, OktaGroup group, DateTimeOffset now)
    {
        var assignment = GetOrAddAppUser(app, user, now, out var added);
        assignment.ViaGroupCount++;
        if (added)
        {
            Record(EventTypes.AppMembershipAdd, "Add user to application membership", new[] { AppUserTarget(app, assignment), Target(app), Target(user), Target(group) });
        }
    }

    private void DropIfUnassigned(OktaApp app, AppUserAssignment assignment)
    {
        if (!assignment.IsAssigned)
        {
            app.Users.Remove(assignment.UserIndex);
            app.UserIndexes.Remove(assignment.UserIndex);
            Record(EventTypes.AppMembershipRemove, "Remove users app membership", AppUserTarget(app, assignment), Target(app), Target(Users[assignment.UserIndex]!));
        }
    }

    // ---- admin roles ----

    public RoleAssignment AddRole(string assignmentType, int principalIndex, string type, string label, string? roleId, string? resourceSetId, string status, DateTimeOffset now)
    {
        var id = IdFactory.Make(assignmentType == "USER" ? "ra1" : "gra", IdSalt, ++_roleAssignmentCounter);
        var assignment = new RoleAssignment(id, type, label, assignmentType, principalIndex)
        {
            RoleId = roleId,
            ResourceSetId = resourceSetId,
            Status = status,
            Created = now,
            LastUpdated = now,
        };
        var map = assignmentType == "USER" ? UserRoles : GroupRoles;
        if (!map.TryGetValue(principalIndex, out var list))
        {
            list = new List<RoleAssignment>();
            map[principalIndex] = list;
        }
        list.Add(assignment);
        if (assignmentType == "USER")
        {
            RefreshAssignee(principalIndex);
        }
        RecordPrivileges(assignmentType, principalIndex, revoked: null);
        if (type == "CUSTOM" && roleId is not null && resourceSetId is not null)
        {
            EnsureBindingMember(FindResourceSet(resourceSetId)!, roleId, assignmentType, principalIndex, now);
        }
        return assignment;
    }

    public bool RemoveRole(string assignmentType, int principalIndex, string assignmentId)
    {
        var map = assignmentType == "USER" ? UserRoles : GroupRoles;
        if (!map.TryGetValue(principalIndex, out var list))
        {
            return false;
        }
        var assignment = list.Find(r => r.Id == assignmentId);
        if (assignment is null)
        {
            return false;
        }
        list.Remove(assignment);
        if (list.Count == 0)
        {
            map.Remove(principalIndex);
        }
        if (assignmentType == "USER")
        {
            RefreshAssignee(principalIndex);
        }
        RecordPrivileges(assignmentType, principalIndex, revoked: assignment);
        if (assignment.Type == "CUSTOM" && assignment.ResourceSetId is not null && FindResourceSet(assignment.ResourceSetId) is { } set)
        {
            var binding = set.Bindings.Find(b => b.RoleId == assignment.RoleId);
            if (binding is not null && binding.Members.RemoveAll(m => m.PrincipalType == assignmentType && m.PrincipalIndex == principalIndex) > 0)
            {
                Record(EventTypes.ResourceSetBindingDelete, "Delete admin role assignment", BindingTargets(set, binding.RoleId, assignmentType, principalIndex));
            }
        }
        return true;
    }

    public IReadOnlyList<RoleAssignment> RolesOf(string assignmentType, int principalIndex) =>
        (assignmentType == "USER" ? UserRoles : GroupRoles).TryGetValue(principalIndex, out var list) ? list : Array.Empty<RoleAssignment>();

    /// <summary>The role assignments a user holds through the groups it belongs to, in group order.</summary>
    public IEnumerable<RoleAssignment> InheritedRolesOf(int userIndex)
    {
        foreach (var groupIndex in GroupRoles.Keys.OrderBy(i => i))
        {
            if (Groups[groupIndex] is { } group && group.Members.Contains(userIndex))
            {
                foreach (var role in GroupRoles[groupIndex])
                {
                    yield return role;
                }
            }
        }
    }

    /// <summary>Limits an assignment to one more group (a role target); false when it already was.</summary>
    public bool AddGroupTarget(RoleAssignment role, OktaGroup group, DateTimeOffset now) =>
        ChangeTargets(role, now, () => role.TargetGroups.Add(group.Index));

    public bool RemoveGroupTarget(RoleAssignment role, OktaGroup group, DateTimeOffset now) =>
        ChangeTargets(role, now, () => role.TargetGroups.Remove(group.Index));

    /// <summary>Limits an APP_ADMIN assignment to an app; an OIN catalog target replaces the instance targets of that app.</summary>
    public bool AddAppTarget(RoleAssignment role, AppTarget target, DateTimeOffset now) =>
        ChangeTargets(role, now, () =>
        {
            if (role.TargetApps.Contains(target))
            {
                return false;
            }
            if (target.AppIndex is null)
            {
                role.TargetApps.RemoveAll(t => t.AppName == target.AppName);
            }
            role.TargetApps.Add(target);
            return true;
        });

    public bool RemoveAppTarget(RoleAssignment role, AppTarget target, DateTimeOffset now) =>
        ChangeTargets(role, now, () => role.TargetApps.Remove(target));

    /// <summary>A change of what an admin can reach is a change of its privileges: Okta records it as such.</summary>
    private bool ChangeTargets(RoleAssignment role, DateTimeOffset now, Func<bool> change)
    {
        if (!change())
        {
            return false;
        }
        role.LastUpdated = now;
        RecordPrivileges(role.AssignmentType, role.PrincipalIndex, null);
        return true;
    }

    /// <summary>Assigns an IAM-based standard role the way Okta records it: role = the type, resource-set = its IAM policy.</summary>
    public RoleAssignment AddIamStandardRole(string assignmentType, int principalIndex, string type, DateTimeOffset now)
    {
        var (label, policy) = StandardRoles.IamBased[type];
        return AddRole(assignmentType, principalIndex, type, label, type, policy, "ACTIVE", now);
    }

    private void RefreshAssignee(int userIndex)
    {
        if (UserRoles.TryGetValue(userIndex, out var list) && list.Exists(r => r.Status == "ACTIVE"))
        {
            RoleAssignees.Add(userIndex);
        }
        else
        {
            RoleAssignees.Remove(userIndex);
        }
    }

    // ---- IAM ----

    public CustomRole? FindRole(string idOrLabel) =>
        CustomRoles.Find(r => r.Id == idOrLabel) ?? CustomRoles.Find(r => string.Equals(r.Label, idOrLabel, StringComparison.OrdinalIgnoreCase));

    public ResourceSet? FindResourceSet(string idOrLabel) =>
        ResourceSets.Find(r => r.Id == idOrLabel) ?? ResourceSets.Find(r => string.Equals(r.Label, idOrLabel, StringComparison.OrdinalIgnoreCase));

    public ResourceSetBinding GetOrAddBinding(ResourceSet set, string roleId)
    {
        var binding = set.Bindings.Find(b => b.RoleId == roleId);
        if (binding is null)
        {
            binding = new ResourceSetBinding(roleId);
            set.Bindings.Add(binding);
        }
        return binding;
    }

    /// <summary>Adds a binding member, and the CUSTOM role assignment that is the same fact seen from the principal.</summary>
    public BindingMember AddBindingMember(ResourceSet set, string roleId, string principalType, int principalIndex, DateTimeOffset now)
    {
        var member = EnsureBindingMember(set, roleId, principalType, principalIndex, now);
        var role = FindRole(roleId);
        var exists = RolesOf(principalType, principalIndex).Any(r => r.Type == "CUSTOM" && r.RoleId == roleId && r.ResourceSetId == set.Id);
        if (!exists && role is not null)
        {
            AddRole(principalType, principalIndex, "CUSTOM", role.Label, roleId, set.Id, "ACTIVE", now);
        }
        return member;
    }

    public bool RemoveBindingMember(ResourceSet set, string roleId, string memberId)
    {
        var binding = set.Bindings.Find(b => b.RoleId == roleId);
        var member = binding?.Members.Find(m => m.Id == memberId);
        if (binding is null || member is null)
        {
            return false;
        }
        binding.Members.Remove(member);
        Record(EventTypes.ResourceSetBindingDelete, "Delete admin role assignment", BindingTargets(set, roleId, member.PrincipalType, member.PrincipalIndex));
        var assignment = RolesOf(member.PrincipalType, member.PrincipalIndex)
            .FirstOrDefault(r => r.Type == "CUSTOM" && r.RoleId == roleId && r.ResourceSetId == set.Id);
        if (assignment is not null)
        {
            RemoveRole(member.PrincipalType, member.PrincipalIndex, assignment.Id);
        }
        return true;
    }

    private BindingMember EnsureBindingMember(ResourceSet set, string roleId, string principalType, int principalIndex, DateTimeOffset now)
    {
        var binding = GetOrAddBinding(set, roleId);
        var existing = binding.Members.Find(m => m.PrincipalType == principalType && m.PrincipalIndex == principalIndex);
        if (existing is not null)
        {
            return existing;
        }
        var member = new BindingMember(IdFactory.Make("irb", IdSalt, ++_bindingMemberCounter), principalType, principalIndex, now);
        binding.Members.Add(member);
        set.LastUpdated = now;
        Record(EventTypes.ResourceSetBindingAdd, "Create admin role assignment", BindingTargets(set, roleId, principalType, principalIndex));
        return member;
    }
}
