using OktaBaton.Simulator.SystemLog;

namespace OktaBaton.Simulator.Model;

/// <summary>
/// Changes an administrator makes to apps, admin roles, resource sets and API tokens, and a user's sign-in: each
/// recorded with its event from Okta's catalogue.
/// </summary>
internal sealed partial class OrgState
{
    private int _customRoleCounter = 1000;
    private int _resourceSetCounter = 1000;

    /// <summary>Activates or deactivates an app (POST /apps/{id}/lifecycle/activate|deactivate); its assignments stay.</summary>
    public bool SetAppStatus(OktaApp app, string status, DateTimeOffset now)
    {
        if (app.Status == status)
        {
            return false;
        }
        app.Status = status;
        app.LastUpdated = now;
        Record(status == "ACTIVE" ? EventTypes.AppActivate : EventTypes.AppDeactivate, status == "ACTIVE" ? "Activate application" : "Deactivate application", Target(app));
        return true;
    }

    /// <summary>
    /// Deletes an inactive app (DELETE /apps/{id}; the endpoint refuses an active one). Its user and group assignments and
    /// the admin-role targets naming this instance go with it, with no events of their own: the System Log has the one
    /// <c>application.lifecycle.delete</c>, so a group's <c>appsCount</c> and an admin's targets change unannounced.
    /// Inferred (Okta documents neither): the groups imported from the app (APP_GROUP) are deleted with it, each with
    /// its <c>group.lifecycle.delete</c>; a role whose only target was this app is left with none, as when a target
    /// group is deleted.
    /// </summary>
    public void DeleteApp(OktaApp app, DateTimeOffset now)
    {
        foreach (var imported in Groups.Where(g => g is not null && g.SourceAppIndex == app.Index).ToArray())
        {
            DeleteGroup(imported!, now);
        }
        foreach (var groupIndex in app.GroupIndexes.Items)
        {
            Groups[groupIndex]?.Apps.Remove(app.Index);
        }
        foreach (var role in AllRoleAssignments)
        {
            role.TargetApps.RemoveAll(target => target.AppIndex == app.Index);
        }
        Apps[app.Index] = null;
        Record(EventTypes.AppDelete, "Delete application", Target(app));
    }

    /// <summary>Replaces an app's label (PUT /apps/{id}).</summary>
    public void RelabelApp(OktaApp app, string label, DateTimeOffset now)
    {
        if (app.Label == label)
        {
            return;
        }
        var from = new Dictionary<string, string?> { ["label"] = app.Label };
        app.Label = label;
        app.LastUpdated = now;
        Record(EventTypes.AppUpdate, "Update application", Target(app) with { Changes = new LogChange(from, new Dictionary<string, string?> { ["label"] = label }) });
    }

    public CustomRole AddCustomRole(string label, string description, IEnumerable<string> permissions, DateTimeOffset now)
    {
        var role = new CustomRole(IdFactory.Make("cr0", IdSalt, ++_customRoleCounter), label, description) { Created = now, LastUpdated = now };
        role.Permissions.AddRange(permissions);
        CustomRoles.Add(role);
        Record(EventTypes.RoleCreate, "Create custom admin role", RoleTarget(role));
        return role;
    }

    /// <summary>Deletes a custom role; every assignment of it (its bindings' members) goes with it, each with its events.</summary>
    public void DeleteCustomRole(CustomRole role)
    {
        foreach (var set in ResourceSets)
        {
            if (set.Bindings.Find(b => b.RoleId == role.Id) is { } binding)
            {
                RemoveBinding(set, binding);
            }
        }
        CustomRoles.Remove(role);
        Record(EventTypes.RoleDelete, "Delete custom admin role", RoleTarget(role));
    }

    public ResourceSet AddResourceSet(string label, string description, IEnumerable<string> resources, DateTimeOffset now)
    {
        var set = new ResourceSet(IdFactory.Make("iam", IdSalt, ++_resourceSetCounter), label, description) { Created = now, LastUpdated = now };
        set.Resources.AddRange(resources);
        ResourceSets.Add(set);
        Record(EventTypes.ResourceSetCreate, "Create resource set", SetTarget(set));
        return set;
    }

    /// <summary>Replaces a resource set's label and description (PUT /iam/resource-sets/{id}).</summary>
    public void ReplaceResourceSet(ResourceSet set, string label, string description, DateTimeOffset now)
    {
        var from = new Dictionary<string, string?> { ["label"] = set.Label, ["description"] = set.Description };
        set.Label = label;
        set.Description = description;
        set.LastUpdated = now;
        Record(EventTypes.ResourceSetUpdate, "Update resource set", SetTarget(set) with
        {
            Changes = new LogChange(from, new Dictionary<string, string?> { ["label"] = label, ["description"] = description }),
        });
    }

    /// <summary>Deletes a resource set; the roles bound to it are unassigned from their members first, with their events.</summary>
    public void DeleteResourceSet(ResourceSet set)
    {
        foreach (var binding in set.Bindings.ToList())
        {
            RemoveBinding(set, binding);
        }
        ResourceSets.Remove(set);
        Record(EventTypes.ResourceSetDelete, "Delete resource set", SetTarget(set));
    }

    /// <summary>Revokes an API token (DELETE /api-tokens/{id}): it authenticates no more.</summary>
    public void RevokeApiToken(ApiToken token)
    {
        ApiTokens.Remove(token);
        RevokedApiTokenIds.Add(token.Id);
        Record(EventTypes.ApiTokenRevoke, "Revoke API token", new LogTarget(token.Id, "Token", token.Name, token.Name));
    }

    /// <summary>Ids of revoked API tokens: an SSWS token whose record was revoked is refused.</summary>
    public HashSet<string> RevokedApiTokenIds { get; } = new(StringComparer.Ordinal);

    /// <summary>A user signs in to Okta: lastLogin moves (lastUpdated does not), and the log has user.session.start.</summary>
    public void SignIn(OktaUser user, DateTimeOffset now)
    {
        // one moment: the user's lastLogin is the session event's date, to the millisecond
        user.LastLogin = Record(EventTypes.UserSessionStart, "User login to Okta", Target(user))?.Published ?? now;
    }

    private void RemoveBinding(ResourceSet set, ResourceSetBinding binding)
    {
        foreach (var member in binding.Members.ToList())
        {
            RemoveBindingMember(set, binding.RoleId, member.Id);
        }
        set.Bindings.Remove(binding);
    }

    private static LogTarget RoleTarget(CustomRole role) => new(role.Id, "Role", role.Label, role.Label);

    private static LogTarget SetTarget(ResourceSet set) => new(set.Id, "ResourceSet", set.Label, set.Label);
}
