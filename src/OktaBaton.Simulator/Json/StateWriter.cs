using System.Text.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Json;

/// <summary>The whole org as plain JSON (GET /__simulator/state), for tests that compute expectations independently.</summary>
internal static class StateWriter
{
    public static void Write(Utf8JsonWriter writer, OrgState org, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("org", org.Name);
        writer.WriteString("baseUrl", baseUrl);
        writer.WriteString("tokenOwnerId", org.Users[org.TokenOwnerIndex]?.Id);

        writer.WriteStartArray("users");
        foreach (var user in org.Users)
        {
            if (user is null)
            {
                continue;
            }
            writer.WriteStartObject();
            writer.WriteString("id", user.Id);
            writer.WriteString("status", user.Status);
            OktaJson.WriteTime(writer, "created", user.Created);
            OktaJson.WriteTime(writer, "activated", user.Activated);
            OktaJson.WriteTime(writer, "lastLogin", user.LastLogin);
            OktaJson.WriteTime(writer, "lastUpdated", user.LastUpdated);
            writer.WriteString("providerType", user.ProviderType);
            writer.WriteBoolean("hasPassword", user.HasPassword);
            writer.WriteStartArray("factors");
            foreach (var factor in user.Factors)
            {
                writer.WriteStringValue(factor.FactorType);
            }
            writer.WriteEndArray();
            writer.WritePropertyName("profile");
            OktaJson.WriteUserProfile(writer, user.Profile);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("groups");
        foreach (var group in org.Groups)
        {
            if (group is null)
            {
                continue;
            }
            writer.WriteStartObject();
            writer.WriteString("id", group.Id);
            writer.WriteString("type", group.Type);
            writer.WriteStartObject("profile");
            writer.WriteString("name", group.Name);
            writer.WriteString("description", group.Description);
            writer.WriteEndObject();
            writer.WriteStartArray("memberIds");
            foreach (var index in group.Members.Items)
            {
                writer.WriteStringValue(org.Users[index]!.Id);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("apps");
        foreach (var app in org.Apps)
        {
            if (app is null)
            {
                continue;
            }
            writer.WriteStartObject();
            writer.WriteString("id", app.Id);
            writer.WriteString("name", app.Name);
            writer.WriteString("label", app.Label);
            writer.WriteString("status", app.Status);
            writer.WriteString("signOnMode", app.SignOnMode);
            writer.WriteString("userNameTemplate", app.UserNameTemplate);
            writer.WriteStartArray("users");
            foreach (var index in app.UserIndexes.Items)
            {
                var assignment = app.Users[index];
                writer.WriteStartObject();
                writer.WriteString("userId", org.Users[index]!.Id);
                writer.WriteString("scope", assignment.Scope);
                writer.WriteString("status", assignment.Status);
                writer.WriteString("userName", assignment.UserName);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteStartArray("groups");
            foreach (var index in app.GroupIndexes.Items)
            {
                writer.WriteStartObject();
                writer.WriteString("groupId", org.Groups[index]!.Id);
                writer.WriteNumber("priority", app.Groups[index].Priority);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        WriteRoles(writer, "userRoles", "userId", org, org.UserRoles, i => org.Users[i]!.Id);
        WriteRoles(writer, "groupRoles", "groupId", org, org.GroupRoles, i => org.Groups[i]!.Id);

        writer.WriteStartArray("customRoles");
        foreach (var role in org.CustomRoles)
        {
            writer.WriteStartObject();
            writer.WriteString("id", role.Id);
            writer.WriteString("label", role.Label);
            writer.WriteString("description", role.Description);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("resourceSets");
        foreach (var set in org.ResourceSets)
        {
            writer.WriteStartObject();
            writer.WriteString("id", set.Id);
            writer.WriteString("label", set.Label);
            writer.WriteString("description", set.Description);
            writer.WriteStartArray("resources");
            foreach (var resource in set.Resources)
            {
                writer.WriteStringValue(resource);
            }
            writer.WriteEndArray();
            writer.WriteStartArray("bindings");
            foreach (var binding in set.Bindings)
            {
                writer.WriteStartObject();
                writer.WriteString("roleId", binding.RoleId);
                writer.WriteStartArray("members");
                foreach (var member in binding.Members)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", member.Id);
                    writer.WriteString("type", member.PrincipalType);
                    writer.WriteString("principalId", member.PrincipalType == "USER" ? org.Users[member.PrincipalIndex]!.Id : org.Groups[member.PrincipalIndex]!.Id);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();

        writer.WriteStartArray("apiTokens");
        foreach (var token in org.ApiTokens)
        {
            OktaJson.WriteApiToken(writer, token, org, baseUrl);
        }
        writer.WriteEndArray();

        writer.WriteStartArray("devices");
        foreach (var device in org.Devices)
        {
            writer.WriteStartObject();
            writer.WriteString("id", device.Id);
            writer.WriteString("status", device.Status);
            writer.WriteString("displayName", device.DisplayName);
            writer.WriteString("platform", device.Platform);
            writer.WriteString("manufacturer", device.Manufacturer);
            writer.WriteString("model", device.Model);
            writer.WriteString("osVersion", device.OsVersion);
            writer.WriteString("serialNumber", device.SerialNumber);
            writer.WriteString("udid", device.Udid);
            writer.WriteStartArray("userIds");
            foreach (var link in device.Users)
            {
                writer.WriteStringValue(org.Users[link.UserIndex]!.Id);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteRoles(Utf8JsonWriter writer, string name, string principalKey, OrgState org, Dictionary<int, List<RoleAssignment>> map, Func<int, string> idOf)
    {
        writer.WriteStartArray(name);
        foreach (var index in map.Keys.OrderBy(i => i))
        {
            foreach (var role in map[index])
            {
                writer.WriteStartObject();
                writer.WriteString(principalKey, idOf(index));
                writer.WriteString("id", role.Id);
                writer.WriteString("type", role.Type);
                writer.WriteString("label", role.Label);
                writer.WriteString("status", role.Status);
                writer.WriteString("assignmentType", role.AssignmentType);
                writer.WriteString("role", role.RoleId);
                writer.WriteString("resourceSet", role.ResourceSetId);
                writer.WriteStartArray("targetGroupIds");
                foreach (var target in role.TargetGroups.Items)
                {
                    writer.WriteStringValue(org.Groups[target]!.Id);
                }
                writer.WriteEndArray();
                writer.WriteStartArray("targetApps");
                foreach (var target in role.TargetApps)
                {
                    writer.WriteStartObject();
                    writer.WriteString("name", target.AppName);
                    writer.WriteString("appId", target.AppIndex is { } app ? org.Apps[app]?.Id : null);
                    writer.WriteEndObject();
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
        }
        writer.WriteEndArray();
    }
}
