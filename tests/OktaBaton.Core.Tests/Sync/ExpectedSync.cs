using System.Text.Json;

namespace OktaBaton.Core.Tests.Sync;

/// <summary>
/// The sync a given org state must produce, computed from /__simulator/state by rules written here from
/// the spec (parity.md, DESIGN.md), not from the engine's code.
/// </summary>
public sealed class ExpectedSync
{
    public SortedSet<string> Resources { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Entitlements { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Grants { get; } = new(StringComparer.Ordinal);

    public sealed class Rules
    {
        public bool CustomRoles { get; init; }
        public bool Secrets { get; init; }
        public bool Devices { get; init; }
        public bool InactiveApps { get; init; }
        public bool SkipAppGroups { get; init; }
        public bool SkipDeprovisioned { get; init; }
        public bool SkipSecondaryEmails { get; init; }
        public string[] EmailDomains { get; init; } = Array.Empty<string>();
        public string? GroupPrefix { get; init; }
        public string[]? Types { get; init; }
    }

    private static readonly string[] StandardRoles =
    {
        "SUPER_ADMIN", "ORG_ADMIN", "APP_ADMIN", "USER_ADMIN", "HELP_DESK_ADMIN", "READ_ONLY_ADMIN", "MOBILE_ADMIN",
        "API_ACCESS_MANAGEMENT_ADMIN", "REPORT_ADMIN", "GROUP_MEMBERSHIP_ADMIN",
        "WORKFLOWS_ADMIN", "ACCESS_CERTIFICATIONS_ADMIN", "ACCESS_REQUESTS_ADMIN",
    };

    public static ExpectedSync From(JsonDocument state, Rules rules)
    {
        var expected = new ExpectedSync();
        var root = state.RootElement;
        bool Wants(string type) => rules.Types is not null
            ? rules.Types.Contains(type)
            : type is "user" or "group" or "app" or "role" || (rules.CustomRoles && type is "custom-role" or "resource-set" or "resourceset-binding") || (rules.Secrets && type == "api-token") || (rules.Devices && type == "device");

        var keptUsers = new HashSet<string>();
        foreach (var user in root.GetProperty("users").EnumerateArray())
        {
            var status = user.GetProperty("status").GetString();
            if (rules.SkipDeprovisioned && status == "DEPROVISIONED") continue;
            if (rules.EmailDomains.Length > 0)
            {
                var profile = user.GetProperty("profile");
                var addresses = new List<string?> { Text(profile, "email"), Text(profile, "login") };
                if (!rules.SkipSecondaryEmails) addresses.Add(Text(profile, "secondEmail"));
                if (!addresses.Any(a => a is not null && rules.EmailDomains.Any(d => a.EndsWith("@" + d, StringComparison.OrdinalIgnoreCase)))) continue;
            }
            keptUsers.Add(user.GetProperty("id").GetString()!);
        }
        var keptGroups = new HashSet<string>();
        foreach (var group in root.GetProperty("groups").EnumerateArray())
        {
            var name = group.GetProperty("profile").GetProperty("name").GetString()!;
            if (rules.SkipAppGroups && group.GetProperty("type").GetString() == "APP_GROUP") continue;
            if (rules.GroupPrefix is not null && !name.StartsWith(rules.GroupPrefix, StringComparison.OrdinalIgnoreCase)) continue;
            keptGroups.Add(group.GetProperty("id").GetString()!);
        }
        bool Keeps(string principalType, string id) => principalType == "user" ? keptUsers.Contains(id) : !Wants("group") || keptGroups.Contains(id);
        void Grant(string entitlement, string principalType, string id)
        {
            if (Keeps(principalType, id)) expected.Grants.Add($"{entitlement}:{principalType}:{id}");
        }

        if (Wants("user"))
        {
            foreach (var id in keptUsers) expected.Resources.Add("user:" + id);
        }
        if (Wants("group"))
        {
            foreach (var group in root.GetProperty("groups").EnumerateArray())
            {
                var id = group.GetProperty("id").GetString()!;
                if (!keptGroups.Contains(id)) continue;
                expected.Resources.Add("group:" + id);
                expected.Entitlements.Add($"group:{id}:member");
                foreach (var member in group.GetProperty("memberIds").EnumerateArray()) Grant($"group:{id}:member", "user", member.GetString()!);
            }
        }
        if (Wants("app"))
        {
            var members = root.GetProperty("groups").EnumerateArray().ToDictionary(
                g => g.GetProperty("id").GetString()!, g => g.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet());
            foreach (var app in root.GetProperty("apps").EnumerateArray())
            {
                if (!rules.InactiveApps && app.GetProperty("status").GetString() != "ACTIVE") continue;
                var id = app.GetProperty("id").GetString()!;
                expected.Resources.Add("app:" + id);
                expected.Entitlements.Add($"app:{id}:access");
                // groups in the file with their members show who holds the app through them
                var showing = app.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("groupId").GetString()!)
                    .Where(g => Wants("group") && keptGroups.Contains(g)).ToList();
                foreach (var user in app.GetProperty("users").EnumerateArray())
                {
                    var userId = user.GetProperty("userId").GetString()!;
                    // scope USER: assigned directly. scope GROUP: through a group; a grant of its own only when no group in the file shows it
                    if (user.GetProperty("scope").GetString() == "USER" || !showing.Any(g => members[g].Contains(userId))) Grant($"app:{id}:access", "user", userId);
                }
                foreach (var group in app.GetProperty("groups").EnumerateArray()) Grant($"app:{id}:access", "group", group.GetProperty("groupId").GetString()!);
            }
        }

        var assignments = root.GetProperty("userRoles").EnumerateArray().Select(a => (Type: "user", Id: a.GetProperty("userId").GetString()!, A: a))
            .Concat(root.GetProperty("groupRoles").EnumerateArray().Select(a => (Type: "group", Id: a.GetProperty("groupId").GetString()!, A: a)))
            .Where(x => x.A.GetProperty("status").GetString() == "ACTIVE")
            .ToList();
        if (Wants("role"))
        {
            foreach (var type in StandardRoles)
            {
                expected.Resources.Add("role:" + type);
                expected.Entitlements.Add($"role:{type}:assigned");
            }
            foreach (var (type, id, a) in assignments.Where(x => Text(x.A, "type") != "CUSTOM")) Grant($"role:{a.GetProperty("type").GetString()}:assigned", type, id);
        }
        if (Wants("custom-role"))
        {
            foreach (var role in root.GetProperty("customRoles").EnumerateArray())
            {
                var id = role.GetProperty("id").GetString()!;
                expected.Resources.Add("custom-role:" + id);
                expected.Entitlements.Add($"custom-role:{id}:assigned");
            }
            foreach (var (type, id, a) in assignments.Where(x => Text(x.A, "type") == "CUSTOM")) Grant($"custom-role:{Text(a, "role")}:assigned", type, id);
        }
        foreach (var set in root.GetProperty("resourceSets").EnumerateArray())
        {
            var setId = set.GetProperty("id").GetString()!;
            if (Wants("resource-set")) expected.Resources.Add("resource-set:" + setId);
            if (!Wants("resourceset-binding")) continue;
            foreach (var binding in set.GetProperty("bindings").EnumerateArray())
            {
                var bindingId = $"{setId}:{binding.GetProperty("roleId").GetString()}";
                expected.Resources.Add("resourceset-binding:" + bindingId);
                expected.Entitlements.Add($"resourceset-binding:{bindingId}:member");
                foreach (var member in binding.GetProperty("members").EnumerateArray())
                {
                    Grant($"resourceset-binding:{bindingId}:member", member.GetProperty("type").GetString() == "USER" ? "user" : "group", member.GetProperty("principalId").GetString()!);
                }
            }
        }
        if (Wants("api-token"))
        {
            foreach (var token in root.GetProperty("apiTokens").EnumerateArray()) expected.Resources.Add("api-token:" + token.GetProperty("id").GetString());
        }
        if (Wants("device"))
        {
            // devices are resources only: their users are links, never grants
            foreach (var device in root.GetProperty("devices").EnumerateArray()) expected.Resources.Add("device:" + device.GetProperty("id").GetString());
        }
        return expected;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
