using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>Users: every status, DEPROVISIONED included (search=status pr), 200 a page.</summary>
internal sealed class UserSyncer : IResourceSyncer
{
    private const string ListUrl = "/api/v1/users?search=status%20pr&limit=200";

    public string ResourceType => ResourceTypes.User;

    /// <summary>Also runs, without writing, when only the user filter needs to learn which users it keeps.</summary>
    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var write = context.IsSelected(ResourceTypes.User);
        long seen = 0;
        await foreach (var page in context.Client.ListPagesAsync<OktaUser>(ListUrl, OktaJson.UserListing, ct).ConfigureAwait(false))
        {
            foreach (var user in page)
            {
                seen++;
                if (context.Users.Admit(user) && write) context.Writer.WriteResource(ToResource(user, context.Options));
            }
            context.Report("Users", seen);
        }
        if (seen == 0)
        {
            context.Warn(new SyncWarning(SyncWarning.NoUsersVisible,
                "Okta returned no users at all. A service app without an admin role (e.g. Read-only Administrator) sees empty lists; grant it one and sync again.",
                path: "/api/v1/users"));
        }
    }

    internal static Resource ToResource(OktaUser user, SyncOptions options)
    {
        var profile = user.Profile;
        var emails = new List<object?>();
        if (!string.IsNullOrEmpty(profile.Email)) emails.Add(new PropertyBag().Set("address", profile.Email).Set("primary", true));
        if (!options.SkipSecondaryEmails && !string.IsNullOrEmpty(profile.SecondEmail))
        {
            emails.Add(new PropertyBag().Set("address", profile.SecondEmail).Set("primary", false));
        }

        var trait = new PropertyBag()
            .SetIfPresent("login", profile.Login)
            .SetIfPresent("loginAlias", LoginAlias(profile.Login))
            .Set("emails", emails)
            .Set("employeeIds", EmployeeIds(profile))
            .Set("status", IsEnabled(user.Status) ? "ENABLED" : "DISABLED")
            .SetIfPresent("oktaStatus", user.Status)
            .SetIfPresent("created", user.Created)
            .SetIfPresent("lastLogin", user.LastLogin);

        return new Resource(new ResourceId(ResourceTypes.User, user.Id), DisplayName(user),
            new PropertyBag().Set("user", trait), Profile(profile, options));
    }

    private static string DisplayName(OktaUser user)
    {
        var profile = user.Profile;
        if (!string.IsNullOrWhiteSpace(profile.DisplayName)) return profile.DisplayName!;
        var full = ((profile.FirstName ?? "") + " " + (profile.LastName ?? "")).Trim();
        if (full.Length > 0) return full;
        return profile.Login ?? user.Id;
    }

    private static bool IsEnabled(string? status) => status?.ToUpperInvariant() switch
    {
        "ACTIVE" or "PROVISIONED" or "RECOVERY" or "PASSWORD_EXPIRED" or "LOCKED_OUT" => true,
        _ => false,
    };

    private static string? LoginAlias(string? login)
    {
        if (login is null) return null;
        var at = login.IndexOf('@');
        return at > 0 ? login.Substring(0, at) : null;
    }

    private static List<object?> EmployeeIds(OktaUserProfile profile)
    {
        var ids = new List<object?>();
        foreach (var pair in profile.Extra)
        {
            var key = pair.Key.Replace("_", "").Replace("-", "").ToUpperInvariant();
            // baton-okta's keys: employeeNumber, employeeId, employeeIdNumber and their snake_case forms
            if (key is not ("EMPLOYEENUMBER" or "EMPLOYEEID" or "EMPLOYEEIDNUMBER")) continue;
            var value = pair.Value.ValueKind switch
            {
                JsonValueKind.String => pair.Value.GetString(),
                JsonValueKind.Number => pair.Value.GetRawText(),
                _ => null,
            };
            if (!string.IsNullOrEmpty(value) && !ids.Contains(value)) ids.Add(value);
        }
        return ids;
    }

    private static PropertyBag Profile(OktaUserProfile profile, SyncOptions options)
    {
        var bag = new PropertyBag()
            .SetIfPresent("login", profile.Login)
            .SetIfPresent("email", profile.Email)
            .SetIfPresent("firstName", profile.FirstName)
            .SetIfPresent("lastName", profile.LastName)
            .SetIfPresent("displayName", profile.DisplayName);
        if (!options.SkipSecondaryEmails) bag.SetIfPresent("secondEmail", profile.SecondEmail);
        foreach (var pair in profile.Extra) bag.Set(pair.Key, pair.Value);
        return bag;
    }
}
