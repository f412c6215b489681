using System.Globalization;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Seed;

/// <summary>A deterministic org of any size: same (users, groups, apps, seed) → same org, ids included.
/// Group sizes are heavy-tailed (a few huge, many small, some empty); ~1% of users hold admin roles.</summary>
internal static class GeneratedOrg
{
    private static readonly DateTimeOffset Epoch = new(2023, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static readonly string[] FirstNames =
    {
        "Ava", "Ben", "Chloe", "Dan", "Ella", "Finn", "Gia", "Hugo", "Ivy", "Jon", "Kai", "Lea", "Max", "Nia", "Owen", "Pia",
        "Ravi", "Sara", "Theo", "Una", "Vik", "Wren", "Xena", "Yuri", "Zoe", "Amir", "Bea", "Cole", "Dina", "Eli",
    };

    private static readonly string[] LastNames =
    {
        "Adams", "Baker", "Clark", "Diaz", "Evans", "Ford", "Gupta", "Hall", "Ibsen", "Jain", "Khan", "Lee", "Moreau", "Novak",
        "Ortiz", "Patel", "Quinn", "Reyes", "Singh", "Tanaka", "Ueda", "Vogel", "Wong", "Xu", "Young", "Zhang",
    };

    private static readonly string[] Departments = { "Engineering", "Sales", "Support", "Finance", "Marketing", "IT", "HR", "Legal" };

    private static readonly string[] AppNames = { "salesforce", "slack", "githubcloud", "workday", "zoomus", "box", "jira", "confluence", "servicenow", "aws" };

    private static readonly string[] AdminTypes = { "HELP_DESK_ADMIN", "READ_ONLY_ADMIN", "APP_ADMIN", "USER_ADMIN", "GROUP_MEMBERSHIP_ADMIN", "REPORT_ADMIN", "ORG_ADMIN", "SUPER_ADMIN" };

    /// <param name="membershipScale">Multiplies each group's size; 1 builds the same org as ever for a seed.</param>
    public static OrgState Build(int userCount, int groupCount, int appCount, int seed, double membershipScale = 1.0)
    {
        var random = new Random(seed);
        var org = new OrgState("generated", seed * 7919L + 17);
        org.AddGroup(OktaGroup.BuiltInType, "Everyone", "All users in your organization", Epoch);

        for (var i = 0; i < Math.Max(1, userCount); i++)
        {
            AddUser(org, random, i, userCount);
        }
        org.TokenOwnerIndex = 0;
        org.Users[0]!.Status = UserStatus.Active;

        var apps = new List<OktaApp>();
        for (var i = 0; i < appCount; i++)
        {
            var name = AppNames[i % AppNames.Length];
            var label = i < AppNames.Length ? Capitalize(name) : $"{Capitalize(name)} {i / AppNames.Length + 1}";
            var status = random.NextDouble() < 0.1 ? "INACTIVE" : "ACTIVE";
            var mode = random.NextDouble() < 0.7 ? "SAML_2_0" : random.NextDouble() < 0.5 ? "OPENID_CONNECT" : "BOOKMARK";
            apps.Add(org.AddApp(name, label, status, mode, Epoch.AddDays(1).AddMinutes(i)));
        }

        var groups = new List<OktaGroup>();
        var users = org.Users.Count;
        for (var i = 1; i < groupCount; i++)
        {
            var isAppGroup = apps.Count > 0 && random.NextDouble() < 0.05;
            var department = Departments[random.Next(Departments.Length)];
            var group = org.AddGroup(isAppGroup ? OktaGroup.AppGroupType : OktaGroup.OktaGroupType,
                $"{department} {i.ToString(CultureInfo.InvariantCulture)}", $"Generated group {i}", Epoch.AddDays(2).AddMinutes(i));
            if (isAppGroup)
            {
                group.SourceAppIndex = apps[random.Next(apps.Count)].Index;
            }
            groups.Add(group);
            // Zipf-like sizes over a shuffled rank; 5% of groups stay empty.
            var rank = random.Next(1, groupCount);
            var size = random.NextDouble() < 0.05 ? 0 : (int)Math.Min(users, Math.Max(1, users * 0.3 * membershipScale / Math.Pow(rank, 0.9)));
            FillMembers(org, group, random, size);
        }

        var at = Epoch.AddDays(3);
        foreach (var app in apps)
        {
            var groupAssignments = groups.Count == 0 ? 0 : random.Next(0, 4);
            for (var g = 0; g < groupAssignments; g++)
            {
                var group = groups[random.Next(groups.Count)];
                if (group.Members.Count <= 20_000)
                {
                    org.AssignAppGroup(app, group, g, at);
                }
            }
            var direct = Math.Min(2000, Math.Max(1, users / 50));
            for (var u = 0; u < direct; u++)
            {
                var user = org.Users[random.Next(users)]!;
                if (user.Status != UserStatus.Deprovisioned)
                {
                    org.AssignAppUser(app, user, user.Profile.Login, at);
                }
            }
        }

        SeedRoles(org, random, groups, at);
        return org;
    }

    private static void AddUser(OrgState org, Random random, int i, int total)
    {
        var first = FirstNames[random.Next(FirstNames.Length)];
        var last = LastNames[random.Next(LastNames.Length)];
        var roll = random.NextDouble();
        var domain = roll < 0.7 ? "acme.example" : roll < 0.9 ? "corp.example" : "contractors.example";
        var login = $"{first.ToLowerInvariant()}.{last.ToLowerInvariant()}{i.ToString(CultureInfo.InvariantCulture)}@{domain}";
        var statusRoll = random.NextDouble();
        var status = statusRoll switch
        {
            < 0.92 => UserStatus.Active,
            < 0.94 => UserStatus.Deprovisioned,
            < 0.95 => UserStatus.Suspended,
            < 0.96 => UserStatus.Staged,
            < 0.97 => UserStatus.Provisioned,
            < 0.98 => UserStatus.LockedOut,
            < 0.99 => UserStatus.PasswordExpired,
            _ => UserStatus.Recovery,
        };
        var profile = new UserProfile
        {
            Login = login,
            Email = login,
            SecondEmail = random.NextDouble() < 0.1 ? $"{first.ToLowerInvariant()}{i.ToString(CultureInfo.InvariantCulture)}@personal.example" : null,
            FirstName = first,
            LastName = last,
            DisplayName = $"{first} {last}",
            EmployeeNumber = domain == "contractors.example" ? null : $"E{(100000 + i).ToString(CultureInfo.InvariantCulture)}",
        };
        var created = Epoch.AddSeconds(i * (86400.0 * 365 / Math.Max(1, total)));
        var user = org.AddUser(profile, status, created);
        if (status is not (UserStatus.Staged or UserStatus.Provisioned))
        {
            user.PasswordChanged = created;
            user.LastLogin = created.AddDays(random.Next(1, 60));
        }
    }

    private static void FillMembers(OrgState org, OktaGroup group, Random random, int size)
    {
        var users = org.Users.Count;
        if (size <= 0)
        {
            return;
        }
        if (size > users / 16)
        {
            var p = (double)size / users;
            for (var u = 0; u < users; u++)
            {
                if (random.NextDouble() < p && org.Users[u]!.Status != UserStatus.Deprovisioned)
                {
                    group.Members.AppendSorted(u);
                }
            }
            return;
        }
        var picked = new HashSet<int>();
        while (picked.Count < size)
        {
            picked.Add(random.Next(users));
        }
        foreach (var u in picked.Order())
        {
            if (org.Users[u]!.Status != UserStatus.Deprovisioned)
            {
                group.Members.AppendSorted(u);
            }
        }
    }

    private static void SeedRoles(OrgState org, Random random, List<OktaGroup> groups, DateTimeOffset at)
    {
        org.AddRole("USER", 0, "SUPER_ADMIN", StandardRoles.Labels["SUPER_ADMIN"], null, null, "ACTIVE", at);
        var users = org.Users.Count;
        for (var u = 1; u < users; u++)
        {
            if (random.NextDouble() < 0.01)
            {
                var type = AdminTypes[random.Next(AdminTypes.Length)];
                var status = random.NextDouble() < 0.05 ? "INACTIVE" : "ACTIVE";
                org.AddRole("USER", u, type, StandardRoles.Labels[type], null, null, status, at);
            }
        }
        foreach (var group in groups)
        {
            if (group.Type == OktaGroup.OktaGroupType && group.Members.Count <= 5000 && random.NextDouble() < 0.003)
            {
                var type = AdminTypes[random.Next(AdminTypes.Length - 1)];
                org.AddRole("GROUP", group.Index, type, StandardRoles.Labels[type], null, null, "ACTIVE", at);
            }
        }
        for (var r = 0; r < 5; r++)
        {
            org.CustomRoles.Add(new CustomRole(IdFactory.Make("cr0", org.IdSalt, org.CustomRoles.Count), $"Custom Role {r + 1}", $"Generated custom role {r + 1}")
            {
                Created = at,
                LastUpdated = at,
            });
        }
        for (var s = 0; s < 3; s++)
        {
            var set = new ResourceSet(IdFactory.Make("iam", org.IdSalt, s), $"Resource Set {s + 1}", $"Generated resource set {s + 1}") { Created = at, LastUpdated = at };
            org.ResourceSets.Add(set);
            var role = org.CustomRoles[s];
            for (var m = 0; m < 3; m++)
            {
                org.AddBindingMember(set, role.Id, "USER", random.Next(users), at);
            }
            if (groups.Count > 0)
            {
                var group = groups[random.Next(groups.Count)];
                org.AddBindingMember(set, role.Id, "GROUP", group.Index, at);
            }
        }
        org.ApiTokens.Add(new ApiToken(IdFactory.Make("00T", org.IdSalt, 0), "Sync token", 0, "Okta API", "P30D", "ANYWHERE", at, at, at.AddDays(30)));
        org.ApiTokens.Add(new ApiToken(IdFactory.Make("00T", org.IdSalt, 1), "Never expires", 0, "Okta API", "P30D", "ANYWHERE", at, at, null));
    }

    private static string Capitalize(string value) => char.ToUpperInvariant(value[0]) + value[1..];
}
