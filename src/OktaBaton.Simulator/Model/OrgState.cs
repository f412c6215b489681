using OktaBaton.Simulator.Http;

namespace OktaBaton.Simulator.Model;

/// <summary>The whole simulated org. Not thread-safe: callers hold <see cref="Sync"/>.</summary>
internal sealed class OrgState
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
    /// <summary>Users holding at least one ACTIVE admin role directly, by index.</summary>
    public SortedIntSet RoleAssignees { get; } = new();
    public List<CustomRole> CustomRoles { get; } = new();
    public List<ResourceSet> ResourceSets { get; } = new();
    public List<ApiToken> ApiTokens { get; } = new();
    public int EveryoneIndex { get; private set; } = -1;
    /// <summary>The user that owns the tokens the simulator accepts (/users/me).</summary>
    public int TokenOwnerIndex { get; set; }

    // ---- users ----

    public OktaUser AddUser(UserProfile profile, string status, DateTimeOffset created)
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
        Users.Add(user);
        _userIds[user.Id] = index;
        _userLogins[profile.Login] = index;
        if (EveryoneIndex >= 0 && status != UserStatus.Deprovisioned)
        {
            Groups[EveryoneIndex]!.Members.AppendSorted(index);
        }
        return user;
    }

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

    public void SetUserStatus(OktaUser user, string status, DateTimeOffset now)
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

    public void DeleteUser(OktaUser user, DateTimeOffset now)
    {
        foreach (var group in Groups)
        {
            if (group is not null && group.Members.Contains(user.Index))
            {
                RemoveMember(group, user, now);
            }
        }
        foreach (var app in Apps)
        {
            if (app is not null && app.Users.Remove(user.Index))
            {
                app.UserIndexes.Remove(user.Index);
            }
        }
        UserRoles.Remove(user.Index);
        RoleAssignees.Remove(user.Index);
        foreach (var set in ResourceSets)
        {
            foreach (var binding in set.Bindings)
            {
                binding.Members.RemoveAll(m => m.PrincipalType == "USER" && m.PrincipalIndex == user.Index);
            }
        }
        _userLogins.Remove(user.Profile.Login);
        user.Deleted = true;
        Users[user.Index] = null;
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

    public bool AddMember(OktaGroup group, OktaUser user, DateTimeOffset now)
    {
        if (!group.Members.Add(user.Index))
        {
            return false;
        }
        group.LastMembershipUpdated = now;
        foreach (var appIndex in group.Apps.Items)
        {
            var app = Apps[appIndex]!;
            var assignment = GetOrAddAppUser(app, user, now);
            assignment.ViaGroupCount++;
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
        foreach (var appIndex in group.Apps.Items)
        {
            var app = Apps[appIndex]!;
            if (app.Users.TryGetValue(user.Index, out var assignment))
            {
                assignment.ViaGroupCount--;
                DropIfUnassigned(app, assignment);
            }
        }
        return true;
    }

    public void DeleteGroup(OktaGroup group)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var appIndex in group.Apps.Items.ToArray())
        {
            UnassignAppGroup(Apps[appIndex]!, group, now);
        }
        GroupRoles.Remove(group.Index);
        foreach (var role in UserRoles.Values.Concat(GroupRoles.Values).SelectMany(list => list))
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
        var assignment = GetOrAddAppUser(app, user, now);
        if (assignment.Direct)
        {
            return false;
        }
        assignment.Direct = true;
        assignment.UserName = userName ?? assignment.UserName;
        assignment.LastUpdated = now;
        return true;
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
        return true;
    }

    /// <summary>
    /// Turns a direct assignment into a group one (the app user's scope toggled to GROUP): the user keeps the app only
    /// through the groups that grant it. False when no group grants it.
    /// </summary>
    public bool ConvertAppUserToGroupScope(AppUserAssignment assignment, DateTimeOffset now)
    {
        if (assignment.ViaGroupCount == 0)
        {
            return false;
        }
        assignment.Direct = false;
        assignment.LastUpdated = now;
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
            foreach (var userIndex in group.Members.Items)
            {
                GetOrAddAppUser(app, Users[userIndex]!, now).ViaGroupCount++;
            }
        }
        else if (priority is not null)
        {
            assignment.Priority = priority.Value;
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
        foreach (var userIndex in group.Members.Items)
        {
            if (app.Users.TryGetValue(userIndex, out var assignment))
            {
                assignment.ViaGroupCount--;
                assignment.LastUpdated = now;
                DropIfUnassigned(app, assignment);
            }
        }
        return true;
    }

    private static AppUserAssignment GetOrAddAppUser(OktaApp app, OktaUser user, DateTimeOffset now)
    {
        if (!app.Users.TryGetValue(user.Index, out var assignment))
        {
            assignment = new AppUserAssignment(user.Index) { Created = now, LastUpdated = now, UserName = user.Profile.Login };
            app.Users[user.Index] = assignment;
            app.UserIndexes.Add(user.Index);
        }
        return assignment;
    }

    private static void DropIfUnassigned(OktaApp app, AppUserAssignment assignment)
    {
        if (!assignment.IsAssigned)
        {
            app.Users.Remove(assignment.UserIndex);
            app.UserIndexes.Remove(assignment.UserIndex);
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
        if (assignment.Type == "CUSTOM" && assignment.ResourceSetId is not null && FindResourceSet(assignment.ResourceSetId) is { } set)
        {
            var binding = set.Bindings.Find(b => b.RoleId == assignment.RoleId);
            binding?.Members.RemoveAll(m => m.PrincipalType == assignmentType && m.PrincipalIndex == principalIndex);
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
        return member;
    }
}
