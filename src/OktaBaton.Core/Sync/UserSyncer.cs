using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync;

/// <summary>Users: every status, DEPROVISIONED included (search=status pr), 200 a page.</summary>
internal sealed class UserSyncer : IResourceSyncer
{
    private const int PageSize = 200;
    private const int IdsPerLookup = 40;
    private const string ListUrl = "/api/v1/users?search=status%20pr&limit=200";

    public string ResourceType => ResourceTypes.User;

    /// <summary>Also runs, without writing, when only the user filter needs to learn which users it keeps.</summary>
    public async Task SyncAsync(SyncContext context, CancellationToken ct)
    {
        var write = context.IsSelected(ResourceTypes.User);
        if (context.Refresh is { } refresh && write && await TryRefreshAsync(context, refresh, ct).ConfigureAwait(false)) return;
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
        if (seen == 0) WarnNoUsers(context);
    }

    private static void WarnNoUsers(SyncContext context) =>
        context.Warn(new SyncWarning(SyncWarning.NoUsersVisible,
            "Okta returned no users at all. A service app without an admin role (e.g. Read-only Administrator) sees empty lists; grant it one and sync again.",
            path: "/api/v1/users"));

    /// <summary>
    /// A refresh reads only the users that may have changed — every user Okta dates as updated since the window opened,
    /// and those the log names for a change that does not move lastUpdated (a sign-in's lastLogin) — and carries every
    /// other user over from the earlier file, merging in id order. False when listing everyone again is cheaper.
    /// </summary>
    private static async Task<bool> TryRefreshAsync(SyncContext context, RefreshState refresh, CancellationToken ct)
    {
        var everyone = RefreshState.Pages(refresh.Previous.ResourceCount(ResourceTypes.User), PageSize);
        var fresh = new SortedDictionary<string, OktaUser>(StringComparer.Ordinal);
        long requests = 0;
        var updated = $"lastUpdated gt \"{SyncFileJson.FormatTime(refresh.Changes.Since)}\"";
        await foreach (var page in context.Client.ListPagesAsync<OktaUser>(FilterUrl(updated), OktaJson.UserListing, ct).ConfigureAwait(false))
        {
            requests++;
            foreach (var user in page) fresh[user.Id] = user;
        }
        var named = refresh.Changes.Users.Where(id => !fresh.ContainsKey(id)).OrderBy(id => id, StringComparer.Ordinal).ToList();
        var lookups = (named.Count + IdsPerLookup - 1) / IdsPerLookup;
        if (requests + lookups >= everyone) return false;
        for (var i = 0; i < named.Count; i += IdsPerLookup)
        {
            // filter=id eq … or id eq …: Okta's user filter takes eq on id joined by or, DEPROVISIONED users included
            var ids = string.Join(" or ", named.Skip(i).Take(IdsPerLookup).Select(id => $"id eq \"{id}\""));
            await foreach (var page in context.Client.ListPagesAsync<OktaUser>(FilterUrl(ids), OktaJson.UserListing, ct).ConfigureAwait(false))
            {
                requests++;
                foreach (var user in page) fresh[user.Id] = user;
            }
        }

        // a user the log names that Okta no longer lists is gone; every other earlier user is as it was
        var gone = new HashSet<string>(named.Where(id => !fresh.ContainsKey(id)), StringComparer.Ordinal);
        using var pending = fresh.Values.GetEnumerator();
        var next = pending.MoveNext() ? pending.Current : null;
        long written = 0;
        void Write(OktaUser user)
        {
            written++;
            if (context.Users.Admit(user)) context.Writer.WriteResource(ToResource(user, context.Options));
        }
        refresh.Previous.StreamResources(ResourceTypes.User, (id, item) =>
        {
            while (next is not null && string.CompareOrdinal(next.Id, id.Resource) < 0)
            {
                Write(next);
                next = pending.MoveNext() ? pending.Current : null;
            }
            if (next is not null && next.Id == id.Resource)
            {
                Write(next);
                next = pending.MoveNext() ? pending.Current : null;
            }
            else if (!gone.Contains(id.Resource))
            {
                written++;
                context.Lane.CarryResource(item.Span, id);
            }
        });
        while (next is not null)
        {
            Write(next);
            next = pending.MoveNext() ? pending.Current : null;
        }
        context.Report("Users", written);
        refresh.Saved(RefreshState.Pages(written, PageSize) - requests);
        if (written == 0) WarnNoUsers(context);
        return true;
    }

    private static string FilterUrl(string filter) => "/api/v1/users?filter=" + SyncContext.Escape(filter) + "&limit=" + PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
