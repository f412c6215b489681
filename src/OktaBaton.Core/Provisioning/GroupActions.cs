using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>Create, modify and delete Okta groups (OKTA_GROUP only for changes and deletes).</summary>
public sealed class GroupActions
{
    private const int MaxNameLength = 255;

    private readonly OktaDirectory _directory;

    public GroupActions(OktaClient client)
    {
        _directory = new OktaDirectory(client);
    }

    /// <summary>
    /// Creates the group and makes the users members. A group of that name that exists already is reported as
    /// AlreadyExists (its profile untouched) and still gets the members, so a repeated call converges.
    /// Every member is looked up before anything is written.
    /// </summary>
    public async Task<GroupChange?> CreateAsync(string name, string? description, IEnumerable<string>? memberIdsOrLogins, ChangeConfirmation? confirm, CancellationToken ct)
    {
        ValidateName(name);
        var members = new List<OktaUser>();
        foreach (var member in (memberIdsOrLogins ?? Enumerable.Empty<string>()).Where(m => !string.IsNullOrWhiteSpace(m)).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            members.Add(await _directory.GetUserAsync(member.Trim(), ct).ConfigureAwait(false));
        }

        var existing = await FindByNameAsync(name, ct).ConfigureAwait(false);
        var target = existing is null ? "group " + PrincipalReference.Quote(name) : OktaDirectory.Describe(existing);
        var action = existing is null ? "Create" : "Add members to the existing group";
        if (members.Count > 0)
        {
            action += $" with {members.Count} member(s): " + string.Join(", ", members.Select(m => m.Profile.Login ?? m.Id));
        }

        if ((existing is null || members.Count > 0) && !await confirm.AllowsAsync(target, action).ConfigureAwait(false))
        {
            return null;
        }

        if (existing is not null)
        {
            RequireOktaGroupForMembers(existing, members);
        }

        var group = existing ?? await WriteSafety.WriteOnceAsync(
            () => _directory.Client.SendAsync<OktaGroup>(HttpMethod.Post, "/api/v1/groups", new { profile = new { name, description } }, ct),
            () => FindByNameAsync(name, ct),
            ct).ConfigureAwait(false);

        foreach (var member in members)
        {
            var path = "/api/v1/groups/" + OktaDirectory.Escape(group.Id) + "/users/" + OktaDirectory.Escape(member.Id);
            await _directory.Client.SendAsync(HttpMethod.Put, path, null, ct).ConfigureAwait(false);
        }

        return Result("New", existing is null ? ProvisioningOutcome.Created : ProvisioningOutcome.AlreadyExists, group, members.Select(m => m.Id).ToList());
    }

    /// <summary>Sets the name and/or description; sends nothing when both already have those values. Null leaves a field as it is.</summary>
    public async Task<GroupChange?> UpdateAsync(string groupId, string? name, string? description, ChangeConfirmation? confirm, CancellationToken ct)
    {
        if (name is not null)
        {
            ValidateName(name);
        }

        var group = await _directory.GetGroupAsync(groupId, ct).ConfigureAwait(false);
        GroupMembershipProvisioner.RequireOktaGroup(group, "modify");
        var newName = name ?? group.Profile.Name;
        var newDescription = description ?? group.Profile.Description;
        var nameChanges = !string.Equals(newName, group.Profile.Name, StringComparison.Ordinal);
        var descriptionChanges = !string.Equals(newDescription ?? string.Empty, group.Profile.Description ?? string.Empty, StringComparison.Ordinal);
        if (!nameChanges && !descriptionChanges)
        {
            return Result("Set", ProvisioningOutcome.Unchanged, group);
        }

        var changes = new List<string>();
        if (nameChanges)
        {
            changes.Add("name to " + PrincipalReference.Quote(newName ?? string.Empty));
        }

        if (descriptionChanges)
        {
            changes.Add("description to " + PrincipalReference.Quote(newDescription ?? string.Empty));
        }

        if (!await confirm.AllowsAsync(OktaDirectory.Describe(group), "Set " + string.Join(" and ", changes)).ConfigureAwait(false))
        {
            return null;
        }

        // PUT replaces the whole profile: keep every other attribute as it is.
        var profile = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var extra in group.Profile.Extra)
        {
            profile[extra.Key] = extra.Value;
        }

        profile["name"] = newName;
        profile["description"] = newDescription;
        var updated = await _directory.Client.SendAsync<OktaGroup>(HttpMethod.Put, "/api/v1/groups/" + OktaDirectory.Escape(group.Id), new { profile }, ct).ConfigureAwait(false);
        return Result("Set", ProvisioningOutcome.Updated, updated);
    }

    public async Task<GroupChange?> DeleteAsync(string groupId, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var group = await _directory.GetGroupAsync(groupId, ct).ConfigureAwait(false);
        GroupMembershipProvisioner.RequireOktaGroup(group, "delete");
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(group), "Delete").ConfigureAwait(false))
        {
            return null;
        }

        // A 404 here is our own first attempt having succeeded before its answer was lost.
        await _directory.DeleteIfPresentAsync("/api/v1/groups/" + OktaDirectory.Escape(group.Id), ct).ConfigureAwait(false);
        return Result("Remove", ProvisioningOutcome.Deleted, group);
    }

    /// <summary>The OKTA_GROUP with exactly this name (case-insensitive), if any.</summary>
    private async Task<OktaGroup?> FindByNameAsync(string name, CancellationToken ct)
    {
        var path = "/api/v1/groups?q=" + Uri.EscapeDataString(name) + "&limit=200";
        await foreach (var group in _directory.Client.ListAsync<OktaGroup>(path, ct).ConfigureAwait(false))
        {
            if (string.Equals(group.Profile.Name, name, StringComparison.OrdinalIgnoreCase)
                && string.Equals(group.Type, "OKTA_GROUP", StringComparison.Ordinal))
            {
                return group;
            }
        }

        return null;
    }

    private static void RequireOktaGroupForMembers(OktaGroup group, List<OktaUser> members)
    {
        if (members.Count > 0)
        {
            GroupMembershipProvisioner.RequireOktaGroup(group, "change the membership of");
        }
    }

    private static void ValidateName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name!.Length > MaxNameLength)
        {
            throw new OktaOperationException("OktaInvalidGroupName", OktaFailureKind.InvalidArgument,
                $"A group name is required and has at most {MaxNameLength} characters.");
        }
    }



    private static GroupChange Result(string action, ProvisioningOutcome outcome, OktaGroup group, IReadOnlyList<string>? members = null) => new()
    {
        Action = action,
        OutcomeKind = outcome,
        GroupId = group.Id,
        Name = group.Profile.Name ?? string.Empty,
        Description = group.Profile.Description,
        Type = group.Type,
        MemberIds = members ?? Array.Empty<string>(),
    };
}
