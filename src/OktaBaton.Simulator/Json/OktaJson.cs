using System.Globalization;
using System.Text.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Json;

/// <summary>Okta's JSON shapes, written straight to a <see cref="Utf8JsonWriter"/>.</summary>
internal static class OktaJson
{
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, Timestamp(value.Value));
        }
    }

    public static void WriteHref(Utf8JsonWriter writer, string name, string href)
    {
        writer.WriteStartObject(name);
        writer.WriteString("href", href);
        writer.WriteEndObject();
    }

    private static readonly (string Operation, string Rel)[] LifecycleLinks =
    {
        (UserTransitions.Activate, "activate"),
        (UserTransitions.Reactivate, "reactivate"),
        (UserTransitions.Suspend, "suspend"),
        (UserTransitions.Unsuspend, "unsuspend"),
        (UserTransitions.Unlock, "unlock"),
        (UserTransitions.ExpirePassword, "expirePassword"),
        (UserTransitions.ResetFactors, "resetFactors"),
        (UserTransitions.Deactivate, "deactivate"),
    };

    /// <summary>
    /// A user. A single user carries the lifecycle links its status allows; in a collection (<paramref name="inCollection"/>)
    /// it carries none (spec, Users: "Individual users versus collection of users").
    /// </summary>
    public static void WriteUser(Utf8JsonWriter writer, OktaUser user, OrgState org, string baseUrl, bool omitCredentials = false, bool omitCredentialsLinks = false, bool inCollection = false)
    {
        writer.WriteStartObject();
        writer.WriteString("id", user.Id);
        writer.WriteString("status", user.Status);
        WriteTime(writer, "created", user.Created);
        WriteTime(writer, "activated", user.Activated);
        WriteTime(writer, "statusChanged", user.StatusChanged);
        WriteTime(writer, "lastLogin", user.LastLogin);
        WriteTime(writer, "lastUpdated", user.LastUpdated);
        WriteTime(writer, "passwordChanged", user.PasswordChanged);
        writer.WriteStartObject("type");
        writer.WriteString("id", org.UserTypeId);
        writer.WriteEndObject();
        writer.WritePropertyName("profile");
        WriteUserProfile(writer, user.Profile);
        if (!omitCredentials)
        {
            writer.WriteStartObject("credentials");
            if (user.PasswordChanged is not null)
            {
                writer.WriteStartObject("password");
                writer.WriteEndObject();
            }
            if (user.Profile.Email is not null || user.Profile.SecondEmail is not null)
            {
                // Okta lists the secondEmail beside the primary one (credentials.emails, type SECONDARY).
                writer.WriteStartArray("emails");
                WriteCredentialEmail(writer, user.Profile.Email, "PRIMARY");
                WriteCredentialEmail(writer, user.Profile.SecondEmail, "SECONDARY");
                writer.WriteEndArray();
            }
            writer.WriteStartObject("provider");
            writer.WriteString("type", user.ProviderType);
            writer.WriteString("name", user.ProviderName);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        var self = $"{baseUrl}/api/v1/users/{user.Id}";
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", self);
        if (!omitCredentialsLinks)
        {
            WriteHref(writer, "resetPassword", self + "/lifecycle/reset_password");
            WriteHref(writer, "changePassword", self + "/credentials/change_password");
            WriteHref(writer, "forgotPassword", self + "/credentials/forgot_password");
        }
        foreach (var (operation, rel) in inCollection ? Array.Empty<(string, string)>() : LifecycleLinks)
        {
            // Okta offers resetFactors "only if the user is currently enrolled in one or more MFA factors" (spec).
            if (UserTransitions.Allows(operation, user) && (operation != UserTransitions.ResetFactors || user.Factors.Count > 0))
            {
                WriteHref(writer, rel, self + "/lifecycle/" + operation);
            }
        }
        WriteHref(writer, "type", $"{baseUrl}/api/v1/meta/types/user/{org.UserTypeId}");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteCredentialEmail(Utf8JsonWriter writer, string? address, string type)
    {
        if (address is null)
        {
            return;
        }
        writer.WriteStartObject();
        writer.WriteString("value", address);
        writer.WriteString("status", "VERIFIED");
        writer.WriteString("type", type);
        writer.WriteEndObject();
    }

    /// <summary>A device as listDevices answers it; with expand=user each link embeds the full user, with userSummary its id and profile.</summary>
    public static void WriteDevice(Utf8JsonWriter writer, Device device, OrgState org, string baseUrl, string? expand)
    {
        writer.WriteStartObject();
        writer.WriteString("id", device.Id);
        writer.WriteString("status", device.Status);
        WriteTime(writer, "created", device.Created);
        WriteTime(writer, "lastUpdated", device.LastUpdated);
        writer.WriteStartObject("profile");
        writer.WriteString("displayName", device.DisplayName);
        writer.WriteString("platform", device.Platform);
        WriteIfPresent(writer, "manufacturer", device.Manufacturer);
        WriteIfPresent(writer, "model", device.Model);
        WriteIfPresent(writer, "osVersion", device.OsVersion);
        WriteIfPresent(writer, "serialNumber", device.SerialNumber);
        WriteIfPresent(writer, "udid", device.Udid);
        WriteIfPresent(writer, "sid", device.Sid);
        WriteIfPresent(writer, "imei", device.Imei);
        writer.WriteBoolean("registered", device.Registered);
        writer.WriteBoolean("secureHardwarePresent", device.SecureHardwarePresent);
        WriteIfPresent(writer, "diskEncryptionType", device.DiskEncryptionType);
        writer.WriteEndObject();
        writer.WriteString("resourceType", "UDDevice");
        writer.WriteStartObject("resourceDisplayName");
        writer.WriteString("value", device.DisplayName);
        writer.WriteBoolean("sensitive", false);
        writer.WriteEndObject();
        writer.WriteNull("resourceAlternateId");
        writer.WriteString("resourceId", device.Id);
        var self = $"{baseUrl}/api/v1/devices/{device.Id}";
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", self);
        WriteHref(writer, "users", self + "/users");
        writer.WriteEndObject();
        if (expand is not null)
        {
            writer.WriteStartObject("_embedded");
            writer.WriteStartArray("users");
            foreach (var link in device.Users)
            {
                var user = org.Users[link.UserIndex]!;
                writer.WriteStartObject();
                writer.WriteString("managementStatus", link.ManagementStatus);
                WriteTime(writer, "created", link.Created);
                writer.WriteString("screenLockType", link.ScreenLockType);
                writer.WritePropertyName("user");
                if (expand == "user")
                {
                    WriteUser(writer, user, org, baseUrl);
                }
                else
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", user.Id);
                    writer.WriteStartObject("profile");
                    WriteNullable(writer, "firstName", user.Profile.FirstName);
                    WriteNullable(writer, "lastName", user.Profile.LastName);
                    writer.WriteString("login", user.Profile.Login);
                    WriteNullable(writer, "email", user.Profile.Email);
                    writer.WriteEndObject();
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <summary>An enrolled factor as GET /api/v1/users/{userId}/factors lists it.</summary>
    public static void WriteFactor(Utf8JsonWriter writer, UserFactor factor, OktaUser user, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", factor.Id);
        writer.WriteString("factorType", factor.FactorType);
        writer.WriteString("provider", factor.Provider);
        writer.WriteString("vendorName", factor.Provider);
        writer.WriteString("status", "ACTIVE");
        WriteTime(writer, "created", factor.Created);
        WriteTime(writer, "lastUpdated", factor.Created);
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", $"{baseUrl}/api/v1/users/{user.Id}/factors/{factor.Id}");
        WriteHref(writer, "user", $"{baseUrl}/api/v1/users/{user.Id}");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteIfPresent(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
    }

    public static void WriteUserProfile(Utf8JsonWriter writer, UserProfile profile)
    {
        writer.WriteStartObject();
        writer.WriteString("login", profile.Login);
        WriteNullable(writer, "email", profile.Email);
        WriteNullable(writer, "secondEmail", profile.SecondEmail);
        WriteNullable(writer, "firstName", profile.FirstName);
        WriteNullable(writer, "lastName", profile.LastName);
        WriteNullable(writer, "displayName", profile.DisplayName);
        WriteNullable(writer, "mobilePhone", null);
        if (profile.EmployeeNumber is not null)
        {
            writer.WriteString("employeeNumber", profile.EmployeeNumber);
        }
        if (profile.Extra is not null)
        {
            foreach (var (name, value) in profile.Extra)
            {
                writer.WritePropertyName(name);
                value.WriteTo(writer);
            }
        }
        writer.WriteEndObject();
    }

    public static void WriteGroup(Utf8JsonWriter writer, OktaGroup group, OrgState org, string baseUrl, bool withStats)
    {
        writer.WriteStartObject();
        writer.WriteString("id", group.Id);
        WriteTime(writer, "created", group.Created);
        WriteTime(writer, "lastUpdated", group.LastUpdated);
        WriteTime(writer, "lastMembershipUpdated", group.LastMembershipUpdated);
        writer.WriteStartArray("objectClass");
        writer.WriteStringValue(group.Type == OktaGroup.AppGroupType ? "okta:windows_security_principal" : "okta:user_group");
        writer.WriteEndArray();
        writer.WriteString("type", group.Type);
        writer.WriteStartObject("profile");
        writer.WriteString("name", group.Name);
        // Okta's group profile declares description a string (not nullable): a group without one has none.
        WriteIfPresent(writer, "description", group.Description);
        writer.WriteEndObject();
        var self = $"{baseUrl}/api/v1/groups/{group.Id}";
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", self);
        WriteHref(writer, "users", self + "/users");
        WriteHref(writer, "apps", self + "/apps");
        if (group.SourceAppIndex is { } source && org.Apps[source] is { } app)
        {
            WriteHref(writer, "source", $"{baseUrl}/api/v1/apps/{app.Id}");
        }
        writer.WriteEndObject();
        if (withStats)
        {
            writer.WriteStartObject("_embedded");
            writer.WriteStartObject("stats");
            writer.WriteNumber("usersCount", group.Members.Count);
            writer.WriteNumber("appsCount", group.Apps.Count);
            writer.WriteNumber("groupPushMappingsCount", 0);
            writer.WriteBoolean("hasAdminPrivilege", org.GroupHoldsAdminRole(group));
            writer.WriteStartObject("_links");
            WriteHref(writer, "self", self + "/stats");
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    /// <param name="embedUser">expand=user/{id}: that user's app assignment in <c>_embedded.user</c> (spec: queryAppsExpand).</param>
    public static void WriteApp(Utf8JsonWriter writer, OktaApp app, string baseUrl, Action<Utf8JsonWriter>? embedUser = null)
    {
        writer.WriteStartObject();
        writer.WriteString("id", app.Id);
        writer.WriteString("name", app.Name);
        writer.WriteString("label", app.Label);
        writer.WriteString("status", app.Status);
        WriteTime(writer, "lastUpdated", app.LastUpdated);
        WriteTime(writer, "created", app.Created);
        writer.WriteString("signOnMode", app.SignOnMode);
        writer.WriteStartObject("credentials");
        writer.WriteStartObject("userNameTemplate");
        writer.WriteString("template", app.UserNameTemplate);
        writer.WriteString("type", "BUILT_IN");
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartObject("accessibility");
        writer.WriteBoolean("selfService", false);
        writer.WriteEndObject();
        writer.WriteStartObject("visibility");
        writer.WriteBoolean("autoSubmitToolbar", false);
        writer.WriteEndObject();
        writer.WriteStartArray("features");
        writer.WriteEndArray();
        var self = $"{baseUrl}/api/v1/apps/{app.Id}";
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", self);
        WriteHref(writer, "users", self + "/users");
        WriteHref(writer, "groups", self + "/groups");
        WriteHref(writer, app.Status == "ACTIVE" ? "deactivate" : "activate", self + (app.Status == "ACTIVE" ? "/lifecycle/deactivate" : "/lifecycle/activate"));
        writer.WriteEndObject();
        if (embedUser is not null)
        {
            writer.WriteStartObject("_embedded");
            writer.WritePropertyName("user");
            embedUser(writer);
            writer.WriteEndObject();
        }
        writer.WriteEndObject();
    }

    public static void WriteAppUser(Utf8JsonWriter writer, OktaApp app, AppUserAssignment assignment, OrgState org, string baseUrl)
    {
        var user = org.Users[assignment.UserIndex]!;
        writer.WriteStartObject();
        writer.WriteString("id", user.Id);
        writer.WriteNull("externalId");
        WriteTime(writer, "created", assignment.Created);
        WriteTime(writer, "lastUpdated", assignment.LastUpdated);
        writer.WriteString("scope", assignment.Scope);
        writer.WriteString("status", assignment.Status);
        WriteTime(writer, "statusChanged", assignment.LastUpdated);
        writer.WriteNull("passwordChanged");
        writer.WriteString("syncState", "DISABLED");
        writer.WriteStartObject("credentials");
        writer.WriteString("userName", assignment.UserName ?? user.Profile.Login);
        writer.WriteEndObject();
        writer.WriteStartObject("profile");
        writer.WriteEndObject();
        writer.WriteStartObject("_links");
        WriteHref(writer, "app", $"{baseUrl}/api/v1/apps/{app.Id}");
        WriteHref(writer, "user", $"{baseUrl}/api/v1/users/{user.Id}");
        if (!assignment.Direct)
        {
            foreach (var groupIndex in app.GroupIndexes.Items)
            {
                var group = org.Groups[groupIndex]!;
                if (group.Members.Contains(user.Index))
                {
                    WriteHref(writer, "group", $"{baseUrl}/api/v1/groups/{group.Id}");
                    break;
                }
            }
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    /// <param name="embedGroup">expand=group: the group itself in <c>_embedded.group</c> (spec: listApplicationGroupAssignments).</param>
    public static void WriteAppGroup(Utf8JsonWriter writer, OktaApp app, AppGroupAssignment assignment, OrgState org, string baseUrl, bool embedGroup = false)
    {
        var group = org.Groups[assignment.GroupIndex]!;
        writer.WriteStartObject();
        writer.WriteString("id", group.Id);
        WriteTime(writer, "lastUpdated", assignment.LastUpdated);
        writer.WriteNumber("priority", assignment.Priority);
        writer.WriteStartObject("profile");
        writer.WriteEndObject();
        if (embedGroup)
        {
            writer.WriteStartObject("_embedded");
            writer.WritePropertyName("group");
            WriteGroup(writer, group, org, baseUrl, withStats: false);
            writer.WriteEndObject();
        }
        writer.WriteStartObject("_links");
        WriteHref(writer, "app", $"{baseUrl}/api/v1/apps/{app.Id}");
        WriteHref(writer, "group", $"{baseUrl}/api/v1/groups/{group.Id}");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteRoleAssignment(Utf8JsonWriter writer, RoleAssignment role, OrgState org, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", role.Id);
        writer.WriteString("label", role.Label);
        writer.WriteString("type", role.Type);
        writer.WriteString("status", role.Status);
        WriteTime(writer, "created", role.Created);
        WriteTime(writer, "lastUpdated", role.LastUpdated);
        writer.WriteString("assignmentType", role.AssignmentType);
        if (role.RoleId is not null)
        {
            writer.WriteString("role", role.RoleId);
        }
        if (role.ResourceSetId is not null)
        {
            writer.WriteString("resource-set", role.ResourceSetId);
        }
        var principal = PrincipalHref(org, role.AssignmentType, role.PrincipalIndex, baseUrl);
        writer.WriteStartObject("_links");
        WriteHref(writer, "assignee", principal);
        if (role.RoleId is not null)
        {
            WriteHref(writer, "role", $"{baseUrl}/api/v1/iam/roles/{role.RoleId}");
        }
        if (role.ResourceSetId is not null)
        {
            WriteHref(writer, "resource-set", $"{baseUrl}/api/v1/iam/resource-sets/{role.ResourceSetId}");
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteCustomRole(Utf8JsonWriter writer, CustomRole role, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", role.Id);
        writer.WriteString("label", role.Label);
        writer.WriteString("description", role.Description);
        WriteTime(writer, "created", role.Created);
        WriteTime(writer, "lastUpdated", role.LastUpdated);
        var self = $"{baseUrl}/api/v1/iam/roles/{role.Id}";
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", self);
        WriteHref(writer, "permissions", self + "/permissions");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteResourceSet(Utf8JsonWriter writer, ResourceSet set, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", set.Id);
        writer.WriteString("label", set.Label);
        writer.WriteString("description", set.Description);
        WriteTime(writer, "created", set.Created);
        WriteTime(writer, "lastUpdated", set.LastUpdated);
        var self = $"{baseUrl}/api/v1/iam/resource-sets/{set.Id}";
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", self);
        WriteHref(writer, "resources", self + "/resources");
        WriteHref(writer, "bindings", self + "/bindings");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static string PrincipalHref(OrgState org, string principalType, int index, string baseUrl) =>
        principalType == "USER"
            ? $"{baseUrl}/api/v1/users/{org.Users[index]!.Id}"
            : $"{baseUrl}/api/v1/groups/{org.Groups[index]!.Id}";

    public static void WriteBindingMember(Utf8JsonWriter writer, BindingMember member, OrgState org, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", member.Id);
        WriteTime(writer, "created", member.Created);
        WriteTime(writer, "lastUpdated", member.Created);
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", PrincipalHref(org, member.PrincipalType, member.PrincipalIndex, baseUrl));
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static void WriteApiToken(Utf8JsonWriter writer, ApiToken token, OrgState org, string baseUrl)
    {
        writer.WriteStartObject();
        writer.WriteString("id", token.Id);
        writer.WriteString("name", token.Name);
        writer.WriteString("userId", org.Users[token.UserIndex]?.Id);
        writer.WriteString("clientName", token.ClientName);
        writer.WriteString("tokenWindow", token.TokenWindow);
        writer.WriteStartObject("network");
        writer.WriteString("connection", token.Network);
        writer.WriteEndObject();
        WriteTime(writer, "created", token.Created);
        WriteTime(writer, "lastUpdated", token.LastUpdated);
        if (token.ExpiresAt is not null)
        {
            WriteTime(writer, "expiresAt", token.ExpiresAt);
        }
        writer.WriteStartObject("_links");
        WriteHref(writer, "self", $"{baseUrl}/api/v1/api-tokens/{token.Id}");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
