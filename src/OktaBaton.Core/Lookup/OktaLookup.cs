using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Model;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Sync;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// Live reads of the org: users, groups, members, apps, assignments and admin roles, as typed records streamed page
/// by page. Bad combinations of parameters are refused before any request; Okta's own 400s (E0000031 for a bad
/// filter or search) come back as <see cref="OktaApiException"/>.
/// </summary>
public sealed class OktaLookup
{
    private const int UserPage = 200;
    private const int GroupPage = 200;
    private const int MemberPage = 200;
    private const int AppPage = 200;
    private const int AppUserPage = 500;
    private const int AppGroupPage = 200;

    private readonly OktaDirectory _directory;

    public OktaLookup(OktaClient client)
    {
        _directory = new OktaDirectory(client ?? throw new ArgumentNullException(nameof(client)));
    }

    private OktaClient Client => _directory.Client;

    public async IAsyncEnumerable<OktaUserRecord> UsersAsync(UserQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (!string.IsNullOrWhiteSpace(query.IdOrLogin))
        {
            yield return new OktaUserRecord(await _directory.GetUserAsync(query.IdOrLogin!, ct).ConfigureAwait(false));
            yield break;
        }

        var url = UsersUrl(query, out var statusesToKeep);
        await foreach (var user in Client.ListAsync<OktaUser>(url, ct).ConfigureAwait(false))
        {
            if (statusesToKeep is null || statusesToKeep.Contains(user.Status ?? string.Empty))
            {
                yield return new OktaUserRecord(user);
            }
        }
    }

    /// <summary>The list URL; with q (which cannot carry a status) the statuses are kept client-side.</summary>
    private static string UsersUrl(UserQuery query, out HashSet<string>? statusesToKeep)
    {
        Exclusive(("-Filter", query.Filter), ("-Search", query.Search), ("-Query", query.Query));
        statusesToKeep = null;
        var statuses = query.Status is { Count: > 0 }
            ? "(" + string.Join(" or ", query.Status.Select(s => $"status eq \"{s.Trim().ToUpperInvariant()}\"")) + ")"
            : null;
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            return $"/api/v1/users?search={Escape(And(query.Search!, statuses))}&limit={UserPage}";
        }

        if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            return $"/api/v1/users?filter={Escape(And(query.Filter!, statuses))}&limit={UserPage}";
        }

        if (!string.IsNullOrWhiteSpace(query.Query))
        {
            if (query.Status is { Count: > 0 })
            {
                statusesToKeep = new HashSet<string>(query.Status.Select(s => s.Trim().ToUpperInvariant()), StringComparer.Ordinal);
            }

            return $"/api/v1/users?q={Escape(query.Query!)}&limit={UserPage}";
        }

        // Okta leaves DEPROVISIONED users out of a plain list; a status search includes whatever is asked for.
        return statuses is null ? $"/api/v1/users?limit={UserPage}" : $"/api/v1/users?search={Escape(statuses)}&limit={UserPage}";
    }

    public async IAsyncEnumerable<OktaGroupRecord> GroupsAsync(GroupQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (!string.IsNullOrWhiteSpace(query.Id))
        {
            yield return new OktaGroupRecord(await _directory.GetGroupAsync(query.Id!, ct).ConfigureAwait(false));
            yield break;
        }

        Exclusive(("-Name", query.Name), ("-Filter", query.Filter), ("-Search", query.Search), ("-Query", query.Query));
        var type = string.IsNullOrWhiteSpace(query.Type) ? null : $"type eq \"{query.Type!.Trim().ToUpperInvariant()}\"";
        Regex? namePattern = null;
        string url;
        if (!string.IsNullOrWhiteSpace(query.Name))
        {
            var name = query.Name!.Trim();
            namePattern = Wildcard(name);
            var prefix = LiteralPrefix(name);
            var byName = namePattern is null ? $"profile.name eq {Quote(name)}" : prefix.Length > 0 ? $"profile.name sw {Quote(prefix)}" : null;
            var search = byName is null ? type : And(byName, type);
            url = search is null ? $"/api/v1/groups?limit={GroupPage}&expand=stats" : $"/api/v1/groups?search={Escape(search)}&limit={GroupPage}&expand=stats";
        }
        else if (!string.IsNullOrWhiteSpace(query.Search))
        {
            url = $"/api/v1/groups?search={Escape(And(query.Search!, type))}&limit={GroupPage}&expand=stats";
        }
        else if (!string.IsNullOrWhiteSpace(query.Filter))
        {
            url = $"/api/v1/groups?filter={Escape(And(query.Filter!, type))}&limit={GroupPage}&expand=stats";
        }
        else if (!string.IsNullOrWhiteSpace(query.Query))
        {
            url = $"/api/v1/groups?q={Escape(query.Query!)}&limit=300&expand=stats" + (type is null ? "" : "&filter=" + Escape(type));
        }
        else
        {
            url = type is null ? $"/api/v1/groups?limit={GroupPage}&expand=stats" : $"/api/v1/groups?filter={Escape(type)}&limit={GroupPage}&expand=stats";
        }

        var found = false;
        await foreach (var group in Client.ListAsync<OktaGroup>(url, ct).ConfigureAwait(false))
        {
            if (namePattern is null || namePattern.IsMatch(group.Profile.Name ?? string.Empty))
            {
                found = true;
                yield return new OktaGroupRecord(group);
            }
        }

        if (!found && query.Name is not null && namePattern is null)
        {
            throw new OktaOperationException("OktaGroupNotFound", OktaFailureKind.NotFound, $"No group is named {PrincipalReference.Quote(query.Name.Trim())}.");
        }
    }

    /// <summary>The members of a group (by id, or by exact name), 200 a page.</summary>
    public async IAsyncEnumerable<OktaGroupMemberRecord> GroupMembersAsync(string groupIdOrName, [EnumeratorCancellation] CancellationToken ct)
    {
        var groupId = await GroupIdAsync(groupIdOrName, ct).ConfigureAwait(false);
        await foreach (var user in Client.ListAsync<OktaUser>($"/api/v1/groups/{OktaDirectory.Escape(groupId)}/users?limit={MemberPage}", ct).ConfigureAwait(false))
        {
            yield return new OktaGroupMemberRecord(groupId, user);
        }
    }

    public async IAsyncEnumerable<OktaAppRecord> AppsAsync(AppQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        if (query is null)
        {
            throw new ArgumentNullException(nameof(query));
        }

        if (!string.IsNullOrWhiteSpace(query.Id))
        {
            yield return new OktaAppRecord(await _directory.GetAppAsync(query.Id!, ct).ConfigureAwait(false));
            yield break;
        }

        Exclusive(("-Label", query.Label), ("-Query", query.Query));
        var status = string.IsNullOrWhiteSpace(query.Status) ? null : $"status eq \"{query.Status!.Trim().ToUpperInvariant()}\"";
        var filter = string.IsNullOrWhiteSpace(query.Filter) ? status : And(query.Filter!, status);
        Regex? labelPattern = null;
        string? q = query.Query;
        if (!string.IsNullOrWhiteSpace(query.Label))
        {
            var label = query.Label!.Trim();
            labelPattern = Wildcard(label) ?? new Regex("^" + Regex.Escape(label) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
            q = LiteralPrefix(label);
        }

        var url = $"/api/v1/apps?limit={AppPage}"
            + (string.IsNullOrEmpty(q) ? "" : "&q=" + Escape(q!))
            + (filter is null ? "" : "&filter=" + Escape(filter));
        var found = false;
        await foreach (var app in Client.ListAsync<OktaApp>(url, ct).ConfigureAwait(false))
        {
            if (labelPattern is null || labelPattern.IsMatch(app.Label ?? string.Empty))
            {
                found = true;
                yield return new OktaAppRecord(app);
            }
        }

        if (!found && query.Label is not null && Wildcard(query.Label.Trim()) is null)
        {
            throw new OktaOperationException("OktaAppNotFound", OktaFailureKind.NotFound, $"No app is labelled {PrincipalReference.Quote(query.Label.Trim())}.");
        }
    }

    /// <summary>An app's user assignments (scope USER or GROUP), then its group assignments.</summary>
    public async IAsyncEnumerable<object> AppAssignmentsAsync(string appId, [EnumeratorCancellation] CancellationToken ct)
    {
        var app = await _directory.GetAppAsync(appId, ct).ConfigureAwait(false);
        var path = "/api/v1/apps/" + OktaDirectory.Escape(app.Id);
        await foreach (var user in Client.ListAsync<OktaAppUser>($"{path}/users?limit={AppUserPage}", ct).ConfigureAwait(false))
        {
            yield return new OktaAppUserAssignment(app.Id, app.Label, user);
        }

        await foreach (var group in Client.ListAsync<OktaAppGroup>($"{path}/groups?limit={AppGroupPage}&expand=group", ct).ConfigureAwait(false))
        {
            yield return new OktaAppGroupAssignment(app.Id, app.Label, group.Id, GroupNameOf(group), group.Priority);
        }
    }

    /// <summary>
    /// The apps a user is assigned to, directly or through groups: <c>filter=user.id eq "…"</c> with the user's app
    /// user embedded (<c>expand=user/{id}</c>, as the spec pairs them).
    /// </summary>
    public async IAsyncEnumerable<OktaAppUserAssignment> UserAppAssignmentsAsync(string userIdOrLogin, [EnumeratorCancellation] CancellationToken ct)
    {
        var userId = await UserIdAsync(userIdOrLogin, ct).ConfigureAwait(false);
        var url = $"/api/v1/apps?limit={AppPage}&filter={Escape($"user.id eq {Quote(userId)}")}&expand={Escape("user/" + userId)}";
        await foreach (var app in Client.ListAsync<OktaApp>(url, ct).ConfigureAwait(false))
        {
            var appUser = EmbeddedAppUser(app) ?? new OktaAppUser { Id = userId };
            yield return new OktaAppUserAssignment(app.Id, app.Label, appUser);
        }
    }

    /// <summary>The apps a group is assigned to.</summary>
    public async IAsyncEnumerable<OktaAppGroupAssignment> GroupAppAssignmentsAsync(string groupIdOrName, [EnumeratorCancellation] CancellationToken ct)
    {
        var groupId = await GroupIdAsync(groupIdOrName, ct).ConfigureAwait(false);
        var group = await _directory.GetGroupAsync(groupId, ct).ConfigureAwait(false);
        await foreach (var app in Client.ListAsync<OktaApp>($"/api/v1/groups/{OktaDirectory.Escape(groupId)}/apps?limit={AppPage}", ct).ConfigureAwait(false))
        {
            yield return new OktaAppGroupAssignment(app.Id, app.Label, groupId, group.Profile.Name, null);
        }
    }

    public async IAsyncEnumerable<OktaUserRoleAssignment> UserRolesAsync(string userIdOrLogin, [EnumeratorCancellation] CancellationToken ct)
    {
        var userId = await UserIdAsync(userIdOrLogin, ct).ConfigureAwait(false);
        var roles = await Client.GetAsync<List<OktaRoleAssignment>>($"/api/v1/users/{OktaDirectory.Escape(userId)}/roles", ct).ConfigureAwait(false);
        foreach (var role in roles ?? new List<OktaRoleAssignment>())
        {
            // an assignment inherited through a group (assignmentType GROUP) is the group's: its targets are read there
            var through = ResourceSetBindingSyncer.PrincipalFromHref(role.AssigneeHref) is { ResourceType: ResourceTypes.Group } group ? group.Resource : null;
            var holder = through is null ? $"/api/v1/users/{OktaDirectory.Escape(userId)}" : $"/api/v1/groups/{OktaDirectory.Escape(through)}";
            yield return new OktaUserRoleAssignment(userId, role, await TargetsAsync(holder, role, ct).ConfigureAwait(false), through);
        }
    }

    public async IAsyncEnumerable<OktaGroupRoleAssignment> GroupRolesAsync(string groupIdOrName, [EnumeratorCancellation] CancellationToken ct)
    {
        var groupId = await GroupIdAsync(groupIdOrName, ct).ConfigureAwait(false);
        var roles = await Client.GetAsync<List<OktaRoleAssignment>>($"/api/v1/groups/{OktaDirectory.Escape(groupId)}/roles", ct).ConfigureAwait(false);
        foreach (var role in roles ?? new List<OktaRoleAssignment>())
        {
            yield return new OktaGroupRoleAssignment(groupId, role, await TargetsAsync($"/api/v1/groups/{OktaDirectory.Escape(groupId)}", role, ct).ConfigureAwait(false));
        }
    }

    /// <summary>What a role limited by role targets reaches, read only for role types that take targets.</summary>
    private async Task<RoleReach?> TargetsAsync(string holderPath, OktaRoleAssignment role, CancellationToken ct)
    {
        if (!RoleTargets.AreReadable(role.Type))
        {
            return null;
        }

        var (scope, names) = await RoleTargets.ReadNamedAsync(Client, holderPath + "/roles/" + OktaDirectory.Escape(role.Id), role.Type, ct).ConfigureAwait(false);
        return scope is { IsEmpty: false } ? new RoleReach(scope, names) : null;
    }

    /// <summary>Names that start with <paramref name="prefix"/>, for tab completion: one small request.</summary>
    public async Task<IReadOnlyList<string>> CompleteAsync(LookupKind kind, string prefix, int max, CancellationToken ct)
    {
        var q = Escape(prefix ?? string.Empty);
        var names = new List<string>();
        switch (kind)
        {
            case LookupKind.Group:
                foreach (var group in await Client.GetAsync<List<OktaGroup>>($"/api/v1/groups?q={q}&limit={max}", ct).ConfigureAwait(false))
                {
                    names.Add(group.Profile.Name ?? group.Id);
                }

                break;
            case LookupKind.App:
                foreach (var app in await Client.GetAsync<List<OktaApp>>($"/api/v1/apps?q={q}&limit={max}", ct).ConfigureAwait(false))
                {
                    names.Add(app.Label ?? app.Id);
                }

                break;
            default:
                foreach (var user in await Client.GetAsync<List<OktaUser>>($"/api/v1/users?q={q}&limit={max}", ct).ConfigureAwait(false))
                {
                    names.Add(user.Profile.Login ?? user.Id);
                }

                break;
        }

        return names;
    }

    /// <summary>A user id as is; a login (or anything else) resolved with one GET.</summary>
    private async Task<string> UserIdAsync(string userIdOrLogin, CancellationToken ct)
    {
        if (LooksLikeId(userIdOrLogin, "00u"))
        {
            return userIdOrLogin.Trim();
        }

        return (await _directory.GetUserAsync(userIdOrLogin, ct).ConfigureAwait(false)).Id;
    }

    /// <summary>A group id as is; otherwise the one group with exactly that name.</summary>
    private async Task<string> GroupIdAsync(string groupIdOrName, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(groupIdOrName))
        {
            throw new OktaOperationException("OktaInvalidArgument", OktaFailureKind.InvalidArgument, "A group id or name is required.");
        }

        if (LooksLikeId(groupIdOrName, "00g"))
        {
            return groupIdOrName.Trim();
        }

        var name = groupIdOrName.Trim();
        var matches = new List<OktaGroup>();
        await foreach (var group in Client.ListAsync<OktaGroup>($"/api/v1/groups?search={Escape($"profile.name eq {Quote(name)}")}&limit=2", ct).ConfigureAwait(false))
        {
            matches.Add(group);
        }

        return matches.Count switch
        {
            1 => matches[0].Id,
            0 => throw new OktaOperationException("OktaGroupNotFound", OktaFailureKind.NotFound, $"No group is named {PrincipalReference.Quote(name)}."),
            _ => throw new OktaOperationException("OktaGroupAmbiguous", OktaFailureKind.InvalidArgument, $"More than one group is named {PrincipalReference.Quote(name)}: pass its id."),
        };
    }

    private static bool LooksLikeId(string value, string prefix)
    {
        var trimmed = value.Trim();
        return trimmed.Length == 20 && trimmed.StartsWith(prefix, StringComparison.Ordinal) && trimmed.All(char.IsLetterOrDigit);
    }

    private static string? GroupNameOf(OktaAppGroup group) =>
        group.Embedded is not null && group.Embedded.TryGetValue("group", out var embedded) && embedded.ValueKind == System.Text.Json.JsonValueKind.Object
        && embedded.TryGetProperty("profile", out var profile) && profile.ValueKind == System.Text.Json.JsonValueKind.Object
        && profile.TryGetProperty("name", out var name) && name.ValueKind == System.Text.Json.JsonValueKind.String
            ? name.GetString()
            : null;

    private static OktaAppUser? EmbeddedAppUser(OktaApp app)
    {
        if (app.Extra is null || !app.Extra.TryGetValue("_embedded", out var embedded) || embedded.ValueKind != System.Text.Json.JsonValueKind.Object
            || !embedded.TryGetProperty("user", out var user) || user.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            return null;
        }

        return System.Text.Json.JsonSerializer.Deserialize<OktaAppUser>(user.GetRawText(), OktaJson.Options);
    }

    private static void Exclusive(params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Name).ToList();
        if (given.Count > 1)
        {
            throw new OktaOperationException("OktaInvalidArgument", OktaFailureKind.InvalidArgument,
                $"{string.Join(" and ", given)} cannot be combined: Okta evaluates one of them per request. Put the conditions into one -Search expression.");
        }
    }

    private static string And(string expression, string? more) => more is null ? expression : $"({expression}) and {more}";

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>A case-insensitive regex for a name with * or ? wildcards; null when there are none.</summary>
    private static Regex? Wildcard(string pattern) =>
        pattern.IndexOfAny(new[] { '*', '?' }) < 0
            ? null
            : new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string LiteralPrefix(string pattern)
    {
        var stop = pattern.IndexOfAny(new[] { '*', '?' });
        return stop < 0 ? pattern : pattern.Substring(0, stop);
    }
}

/// <summary>What a completion or lookup is about.</summary>
public enum LookupKind
{
    User,
    Group,
    App,
}
