using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Sync;

/// <summary>
/// A private demo org synced, changed with the provisioning cmdlets (a member added to Okta Admins, a direct app
/// assignment revoked, a user disabled, SUPER_ADMIN granted to a group), and synced again twice.
/// </summary>
public sealed class DriftFixture : IAsyncLifetime
{
    private SimulatedOrg _org = null!;
    private ModuleSession _session = null!;

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("oktabaton-ps-compare-").FullName;
    public string BeforePath => Path.Combine(Directory, "before.json");
    public string AfterPath => Path.Combine(Directory, "after.json");
    public string AfterAgainPath => Path.Combine(Directory, "after-again.json");
    public string AfterWithCustomRolesPath => Path.Combine(Directory, "after-custom.json");
    public JsonElement Before { get; private set; }
    public JsonElement After { get; private set; }
    public string AdminGroupId { get; private set; } = "";
    public string NewAdminId { get; private set; } = "";
    public string DisabledUserId { get; private set; } = "";
    public string AppId { get; private set; } = "";
    public string UnassignedUserId { get; private set; } = "";
    public string PromotedGroupId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _org = await SimulatedOrg.StartAsync();
        _session = new ModuleSession();
        Run("Connect-Okta -Domain $domain -ApiToken $token; $null = Invoke-OktaSync -Path $path",
            new() { ["domain"] = _org.Host.BaseUrl.ToString().TrimEnd('/'), ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["path"] = BeforePath });
        Before = await StateAsync();

        var adminGroup = Before.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("profile").GetProperty("name").GetString() == "Okta Admins");
        AdminGroupId = adminGroup.GetProperty("id").GetString()!;
        var admins = Members(adminGroup);
        var active = Before.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("status").GetString() == "ACTIVE").Select(u => u.GetProperty("id").GetString()!).ToList();
        NewAdminId = active.First(u => !admins.Contains(u));
        DisabledUserId = active.Last(u => u != NewAdminId);
        var app = Before.GetProperty("apps").EnumerateArray()
            .First(a => a.GetProperty("status").GetString() == "ACTIVE" && a.GetProperty("users").EnumerateArray().Any(u => u.GetProperty("scope").GetString() == "USER"));
        AppId = app.GetProperty("id").GetString()!;
        UnassignedUserId = app.GetProperty("users").EnumerateArray().First(u => u.GetProperty("scope").GetString() == "USER").GetProperty("userId").GetString()!;
        var superAdminGroups = Before.GetProperty("groupRoles").EnumerateArray()
            .Where(r => r.GetProperty("type").GetString() == "SUPER_ADMIN").Select(r => r.GetProperty("groupId").GetString()).ToHashSet();
        PromotedGroupId = Before.GetProperty("groups").EnumerateArray()
            .First(g => g.GetProperty("type").GetString() == "OKTA_GROUP" && !superAdminGroups.Contains(g.GetProperty("id").GetString()) && Members(g).Count > 1)
            .GetProperty("id").GetString()!;

        Run($"$null = Grant-OktaGroupMembership -GroupId {AdminGroupId} -UserId {NewAdminId}; "
            + $"$null = Revoke-OktaAppAssignment -AppId {AppId} -UserId {UnassignedUserId} -Confirm:$false; "
            + $"$null = Disable-OktaUser -UserId {DisabledUserId} -Confirm:$false; "
            + $"$null = Grant-OktaRole -RoleType SUPER_ADMIN -GroupId {PromotedGroupId}; "
            + "$null = Invoke-OktaSync -Path $after; $null = Invoke-OktaSync -Path $again; $null = Invoke-OktaSync -Path $custom -SyncCustomRoles",
            new() { ["after"] = AfterPath, ["again"] = AfterAgainPath, ["custom"] = AfterWithCustomRolesPath });
        After = await StateAsync();
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _org.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    public static HashSet<string> Members(JsonElement group) => group.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToHashSet();

    private void Run(string script, Dictionary<string, object?> variables) => _session.Run(script, variables).AssertNoErrors();

    private async Task<JsonElement> StateAsync()
    {
        using var state = await _org.StateAsync();
        return state.RootElement.Clone();
    }
}

public sealed class CompareOktaSyncTests(DriftFixture drift) : IClassFixture<DriftFixture>
{
    private static readonly string[] Columns =
    {
        "Change", "Kind", "GrantId", "EntitlementId", "ResourceType", "ResourceId", "ResourceName", "Slug", "PrincipalType", "PrincipalId",
        "PrincipalName", "PrincipalLogin", "PrincipalEmail", "PrincipalStatus", "Direct", "Through", "Via", "Scope", "OldHolding", "NewHolding",
        "OldStatus", "NewStatus",
    };

    private PowerShellRun Compare(string arguments, string? reference = null, string? difference = null)
    {
        using var session = new ModuleSession();
        return session.Run("Compare-OktaSync -ReferencePath $reference -DifferencePath $difference " + arguments,
            new Dictionary<string, object?> { ["reference"] = reference ?? drift.BeforePath, ["difference"] = difference ?? drift.AfterPath });
    }

    private static string? Text(PSObject item, string name) => item.Properties[name].Value?.ToString();

    [Fact]
    public void ReportsExactlyTheGrantsTheOrgGainedAndLost()
    {
        var before = Grants(drift.Before);
        var after = Grants(drift.After);
        var expected = after.Except(before).Select(g => "Added " + g).Concat(before.Except(after).Select(g => "Removed " + g)).Order().ToList();
        Assert.Contains($"Added group:{drift.AdminGroupId}:member:user:{drift.NewAdminId}", expected);
        Assert.Contains($"Added role:SUPER_ADMIN:assigned:group:{drift.PromotedGroupId}", expected);
        Assert.Contains($"Removed app:{drift.AppId}:access:user:{drift.UnassignedUserId}", expected);

        var run = Compare("");

        run.AssertNoErrors();
        Assert.Empty(run.Warnings);
        Assert.Equal(expected, run.Output.Select(o => Text(o, "Change") + " " + Text(o, "GrantId")).Order().ToList());
        Assert.All(run.Output, o => Assert.Equal(("Grant", null), (Text(o, "Kind"), Text(o, "Via"))));
    }

    [Fact]
    public void ExpandAndIncludeResourcesAddInheritedAccessAndTheDisabledUser()
    {
        var before = Holdings(Grants(drift.Before));
        var after = Holdings(Grants(drift.After));
        var expected = after.Keys.Except(before.Keys).Select(k => "Added " + k)
            .Concat(before.Keys.Except(after.Keys).Select(k => "Removed " + k))
            .Concat(after.Keys.Intersect(before.Keys).Where(k => after[k] != before[k]).Select(k => "HoldingChanged " + k))
            .Order().ToList();

        var run = Compare("-Expand -IncludeResources");

        run.AssertNoErrors();
        var resource = Assert.Single(run.Output, o => Text(o, "Kind") == "Resource");
        Assert.Same(resource, run.Output[0]);
        var user = drift.After.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == drift.DisabledUserId);
        Assert.Equal(("StatusChanged", "user", drift.DisabledUserId, "ACTIVE", user.GetProperty("status").GetString(), null),
            (Text(resource, "Change"), Text(resource, "ResourceType"), Text(resource, "ResourceId"), Text(resource, "OldStatus"), Text(resource, "NewStatus"), Text(resource, "GrantId")));
        Assert.Equal("SUSPENDED", Text(resource, "NewStatus"));

        var grants = run.Output.Where(o => Text(o, "Kind") == "Grant").ToList();
        Assert.Equal(expected, grants.Select(o => Text(o, "Change") + " " + Text(o, "GrantId")).Order().ToList());
        var promoted = DriftFixture.Members(drift.After.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("id").GetString() == drift.PromotedGroupId));
        Assert.Equal(promoted.Order(), grants.Where(o => Text(o, "Via")?.Contains($"role:SUPER_ADMIN:assigned:group:{drift.PromotedGroupId}", StringComparison.Ordinal) == true)
            .Select(o => Text(o, "PrincipalId")!).Order());
        Assert.All(grants.Where(o => Text(o, "Change") == "HoldingChanged"), o => Assert.NotEqual(Text(o, "OldHolding"), Text(o, "NewHolding")));

        Assert.All(run.Output, o =>
        {
            Assert.Equal(Columns, o.Properties.Select(p => p.Name));
            Assert.All(o.Properties.Skip(2), p => Assert.True(p.Value is null or string or bool, p.Name));
        });
        var newAdmin = drift.After.GetProperty("users").EnumerateArray().Single(u => u.GetProperty("id").GetString() == drift.NewAdminId).GetProperty("profile");
        var joined = run.Output.Single(o => Text(o, "GrantId") == $"group:{drift.AdminGroupId}:member:user:{drift.NewAdminId}");
        Assert.Equal(("Okta Admins", newAdmin.GetProperty("login").GetString(), newAdmin.GetProperty("email").GetString()),
            (Text(joined, "ResourceName"), Text(joined, "PrincipalLogin"), Text(joined, "PrincipalEmail")));
    }

    [Fact]
    public void FiltersNarrowTheDrift()
    {
        var superAdmins = Compare("-EntitlementId role:SUPER_ADMIN:assigned -Expand");
        superAdmins.AssertNoErrors();
        Assert.NotEmpty(superAdmins.Output);
        Assert.All(superAdmins.Output, o => Assert.Equal("role:SUPER_ADMIN:assigned", Text(o, "EntitlementId")));
        var all = Compare("-Expand").Output.Where(o => Text(o, "EntitlementId") == "role:SUPER_ADMIN:assigned");
        Assert.Equal(all.Select(o => Text(o, "GrantId") + Text(o, "Through")), superAdmins.Output.Select(o => Text(o, "GrantId") + Text(o, "Through")));

        var ofUser = Compare($"-PrincipalId user:{drift.DisabledUserId} -IncludeResources");
        Assert.Equal(drift.DisabledUserId, Text(Assert.Single(ofUser.Output), "ResourceId"));

        var apps = Compare("-ResourceType app");
        Assert.Contains(apps.Output, o => Text(o, "GrantId") == $"app:{drift.AppId}:access:user:{drift.UnassignedUserId}");
        Assert.All(apps.Output, o => Assert.Equal("app", Text(o, "ResourceType")));
    }

    [Fact]
    public void TwoSyncsOfTheSameOrgHaveNoDrift()
    {
        var run = Compare("-Expand -IncludeResources", drift.AfterPath, drift.AfterAgainPath);
        run.AssertNoErrors();
        Assert.Empty(run.Output);
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void DifferentSyncOptionsAreAWarningBeforeTheDrift()
    {
        var run = Compare("-IncludeResources", drift.AfterPath, drift.AfterWithCustomRolesPath);
        run.AssertNoErrors();
        Assert.Contains("syncCustomRoles", Assert.Single(run.Warnings), StringComparison.Ordinal);
        Assert.Contains(run.Output, o => Text(o, "ResourceType") == "custom-role" && Text(o, "Change") == "Added" && Text(o, "Kind") == "Resource");
    }

    [Fact]
    public void AMalformedFileIsATerminatingErrorWithNoPartialOutput()
    {
        var broken = Path.Combine(drift.Directory, "truncated.json");
        var text = File.ReadAllText(drift.AfterPath);
        File.WriteAllText(broken, text[..(text.Length * 9 / 10)]);

        var run = Compare("-Expand -IncludeResources", difference: broken);

        var error = run.SingleError();
        Assert.Empty(run.Output);
        Assert.Equal("OktaSyncFileInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(broken, error.TargetObject);
        Assert.Contains("truncated.json", error.Exception.Message, StringComparison.Ordinal);

        var missing = Compare("", reference: Path.Combine(drift.Directory, "none.json")).SingleError();
        Assert.Equal(("OktaSyncFileNotFound", ErrorCategory.ObjectNotFound), (missing.FullyQualifiedErrorId.Split(',')[0], missing.CategoryInfo.Category));
    }

    /// <summary>The grant ids a default sync of this state holds: group members, active apps' direct users and groups, standard admin roles.</summary>
    private static SortedSet<string> Grants(JsonElement state)
    {
        var grants = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var group in state.GetProperty("groups").EnumerateArray())
        {
            foreach (var member in DriftFixture.Members(group)) grants.Add($"group:{group.GetProperty("id").GetString()}:member:user:{member}");
        }
        foreach (var app in state.GetProperty("apps").EnumerateArray().Where(a => a.GetProperty("status").GetString() == "ACTIVE"))
        {
            var id = app.GetProperty("id").GetString();
            // users holding the app through a group (scope GROUP) are the group's grant, shown through its members
            foreach (var user in app.GetProperty("users").EnumerateArray().Where(u => u.GetProperty("scope").GetString() == "USER"))
            {
                grants.Add($"app:{id}:access:user:{user.GetProperty("userId").GetString()}");
            }
            foreach (var group in app.GetProperty("groups").EnumerateArray()) grants.Add($"app:{id}:access:group:{group.GetProperty("groupId").GetString()}");
        }
        foreach (var (collection, type) in new[] { ("userRoles", "user"), ("groupRoles", "group") })
        {
            foreach (var role in state.GetProperty(collection).EnumerateArray())
            {
                if (role.GetProperty("status").GetString() != "ACTIVE" || role.GetProperty("type").GetString() == "CUSTOM") continue;
                grants.Add($"role:{role.GetProperty("type").GetString()}:assigned:{type}:{role.GetProperty(type + "Id").GetString()}");
            }
        }
        return grants;
    }

    /// <summary>
    /// The -Expand view of <paramref name="grants"/>: grant id → "direct" and/or the groups it comes through. A group's
    /// grant of anything but its own membership reaches each member.
    /// </summary>
    private static Dictionary<string, string> Holdings(SortedSet<string> grants)
    {
        var held = new Dictionary<string, (bool Direct, SortedSet<string> Groups)>();
        (bool, SortedSet<string>) Of(string key) => held.TryGetValue(key, out var h) ? h : (false, new SortedSet<string>(StringComparer.Ordinal));
        foreach (var grant in grants)
        {
            held[grant] = (true, Of(grant).Item2);
            var marker = grant.LastIndexOf(":group:", StringComparison.Ordinal);
            if (marker < 0 || grant.StartsWith("group:", StringComparison.Ordinal)) continue;
            var group = grant[(marker + ":group:".Length)..];
            var prefix = $"group:{group}:member:user:";
            foreach (var member in grants.Where(g => g.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var key = $"{grant[..marker]}:user:{member[prefix.Length..]}";
                var (direct, groups) = Of(key);
                groups.Add(group);
                held[key] = (direct, groups);
            }
        }
        return held.ToDictionary(p => p.Key, p => (p.Value.Direct ? "direct " : "") + string.Join(",", p.Value.Groups));
    }
}
