using System.Management.Automation;
using System.Text.Json;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Sync;

/// <summary>One sync of the demo org (custom roles and secrets on), queried offline by every query cmdlet and parameter.</summary>
public sealed class SyncFileFixture : IAsyncLifetime
{
    private readonly SimulatedOrg _org = new();

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("oktabaton-ps-query-").FullName;

    public string SyncPath => Path.Combine(Directory, "sync.json");

    public JsonDocument State { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _org.InitializeAsync();
        using var session = new ModuleSession();
        session.Run("Connect-Okta -Domain $domain -ApiToken $token; Invoke-OktaSync -Path $path -SyncCustomRoles -SyncSecrets",
            new Dictionary<string, object?> { ["domain"] = _org.Host.BaseUrl.ToString().TrimEnd('/'), ["token"] = SimulatedOrg.Secure(SimulatedOrg.SuperAdminToken), ["path"] = SyncPath })
            .AssertNoErrors();
        State = await _org.StateAsync();
    }

    public string UserId(string login) => State.RootElement.GetProperty("users").EnumerateArray()
        .Single(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;

    public JsonElement Group(string name) => State.RootElement.GetProperty("groups").EnumerateArray()
        .Single(g => g.GetProperty("profile").GetProperty("name").GetString() == name);

    public async Task DisposeAsync()
    {
        State.Dispose();
        await _org.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

public sealed class SyncQueryCmdletTests(SyncFileFixture file) : IClassFixture<SyncFileFixture>
{
    private PowerShellRun Run(string script, string? path = null)
    {
        using var session = new ModuleSession();
        return session.Run(script, new Dictionary<string, object?> { ["path"] = path ?? file.SyncPath });
    }

    private static List<string> Values(PowerShellRun run, string property) => run.Output.Select(o => (string)o.Properties[property].Value).ToList();

    private List<string> Complete(string input)
    {
        var run = Run("$in = $in.Replace('$path', \"'$path'\"); (TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches.CompletionText",
            null, input);
        run.AssertNoErrors();
        return run.Output.Where(o => o is not null).Select(o => (string)o.BaseObject).ToList();
    }

    private PowerShellRun Run(string script, string? path, string input)
    {
        using var session = new ModuleSession();
        return session.Run(script, new Dictionary<string, object?> { ["path"] = path ?? file.SyncPath, ["in"] = input });
    }

    [Fact]
    public void IdsCompleteFromTheFileTheCommandReads()
    {
        Assert.Equal(["role:SUPER_ADMIN:assigned"], Complete("Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER"));
        Assert.Contains("alice.anderson@acme.example", Complete("Get-OktaSyncGrant -Path $path -PrincipalId alice"));
        Assert.Contains("group:" + file.Group("Okta Admins").GetProperty("id").GetString(), Complete("Get-OktaSyncGrant -Path $path -PrincipalId 'Okta Ad"));
        Assert.Equal(["role:SUPER_ADMIN"], Complete("Get-OktaSyncResource -Path $path -ResourceId role:SUPER"));
        Assert.Contains("role:HELP_DESK_ADMIN:assigned", Complete("Compare-OktaSync -ReferencePath $path -DifferencePath $path -EntitlementId role:HELP"));
        Assert.Empty(Complete("Get-OktaSyncGrant -Path ./no-such-file.json -EntitlementId role:"));
    }

    [Fact]
    public void AClosedVocabularyValueIsATerminatingErrorAndAnUnknownIdAWarning()
    {
        var type = Run("Get-OktaSyncGrant -Path $path -ResourceType groups");
        var error = type.SingleError();
        Assert.Equal(("OktaInvalidQueryFilter", ErrorCategory.InvalidArgument), (error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category));
        Assert.Contains("group, app", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(type.Output);

        var typo = Run("Get-OktaSyncGrant -Path $path -EntitlementId role:SUPERADMIN:assigned -Expand");
        typo.AssertNoErrors();
        Assert.Empty(typo.Output);
        Assert.Contains("did you mean 'role:SUPER_ADMIN:assigned'", Assert.Single(typo.Warnings), StringComparison.Ordinal);

        var login = Run("Get-OktaSyncGrant -Path $path -PrincipalId alice.anderson@acme.example -Expand");
        login.AssertNoErrors();
        Assert.Empty(login.Warnings);
        Assert.Equal(Values(Run($"Get-OktaSyncGrant -Path $path -PrincipalId {file.UserId("alice.anderson@acme.example")} -Expand"), "GrantId"), Values(login, "GrantId"));
        Assert.All(login.Output, o => Assert.Equal("ACTIVE", o.Properties["PrincipalStatus"].Value));
    }

    [Fact]
    public void RecordsReadAsSentencesAndTheirListsAsText()
    {
        // (Export-Csv and ConvertTo-Json are checked in real pwsh: tests/pester/TruthfulAccess.Tests.ps1)
        var run = Run("$r = Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER_ADMIN:assigned -Expand | Where-Object PrincipalLogin -eq 'okta.admin@acme.example'; "
            + "\"$r\"; \"$($r.ThroughGroupNames)\"; $r.ThroughGroupNames.Count");
        run.AssertNoErrors();
        Assert.Equal("okta.admin@acme.example holds role SUPER_ADMIN directly and through group 'Okta Admins'", run.Output[0].BaseObject);
        Assert.Equal("Okta Admins", run.Output[1].BaseObject);
        Assert.Equal(1, run.Output[2].BaseObject);
    }

    [Fact]
    public void TokensWithoutAnExpiryAreFoundThroughTheProfile()
    {
        var run = Run("Get-OktaSyncResource -Path $path -ResourceType api-token | Where-Object { -not $_.Profile.expiresAt } | ForEach-Object DisplayName");
        run.AssertNoErrors();

        var expected = file.State.RootElement.GetProperty("apiTokens").EnumerateArray()
            .Where(t => !t.TryGetProperty("expiresAt", out var at) || at.ValueKind == JsonValueKind.Null)
            .Select(t => t.GetProperty("name").GetString()!).Order().ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, run.Output.Select(o => (string)o.BaseObject).Order().ToList());
    }

    [Fact]
    public void GrantRecordsAreFlatWithTheDocumentedColumns()
    {
        var run = Run("Get-OktaSyncGrant -Path $path -ResourceType app");
        run.AssertNoErrors();
        Assert.NotEmpty(run.Output);
        var expected = new[] { "GrantId", "EntitlementId", "ResourceType", "ResourceId", "ResourceName", "Slug", "PrincipalType", "PrincipalId",
            "PrincipalName", "PrincipalLogin", "PrincipalEmail", "PrincipalStatus", "Direct", "ThroughGroupIds", "ThroughGroupNames", "Through", "Via",
            "Scope", "ScopeIds", "HowHeld" };
        Assert.All(run.Output, o =>
        {
            Assert.Equal(expected, o.Properties.Select(p => p.Name));
            // flat: text, a flag, or lists that read as "a; b" in Export-Csv
            Assert.All(o.Properties, p => Assert.True(p.Value is null or string or bool || p.Value.GetType().Name == "ValueList", p.Name));
        });
        var carol = run.Output.Single(o => (string)o.Properties["PrincipalLogin"].Value == "carol.chen@acme.example" && (string)o.Properties["ResourceName"].Value == "Salesforce");
        Assert.Equal(("Carol Chen", "carol.chen@acme.example", "access"), ((string)carol.Properties["PrincipalName"].Value, (string)carol.Properties["PrincipalEmail"].Value, (string)carol.Properties["Slug"].Value));
    }

    [Fact]
    public void ExpandListsEachSuperAdminOnceDirectThroughAGroupOrBoth()
    {
        var run = Run("Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER_ADMIN:assigned -Expand | Where-Object PrincipalType -eq user");
        run.AssertNoErrors();
        var admins = file.Group("Okta Admins");
        var adminsId = admins.GetProperty("id").GetString()!;
        var members = admins.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToList();
        var direct = new[] { file.UserId("okta.admin@acme.example"), file.UserId("break.glass@acme.example") };
        Assert.Equal(members.Union(direct).Order(), run.Output.Select(o => (string)o.Properties["PrincipalId"].Value).Order());
        Assert.All(run.Output, o =>
        {
            var id = (string)o.Properties["PrincipalId"].Value;
            Assert.Equal(direct.Contains(id), o.Properties["Direct"].Value);
            Assert.Equal(members.Contains(id) ? $"role:SUPER_ADMIN:assigned:group:{adminsId}" : null, o.Properties["Via"].Value);
            Assert.Equal(members.Contains(id) ? "Okta Admins" : "", o.Properties["ThroughGroupNames"].Value.ToString());
        });
        Assert.Empty(Run("Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER_ADMIN:assigned | Where-Object Via").Output);
        // Where-Object and -contains see the groups as a list
        Assert.Equal(members.Order(), Run($"Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER_ADMIN:assigned -Expand | Where-Object {{ $_.ThroughGroupIds -contains '{adminsId}' }} | ForEach-Object PrincipalId").Output.Select(o => (string)o.BaseObject).Order());
    }

    [Fact]
    public void PrincipalIdSlugAndResourceIdFilter()
    {
        var alice = file.UserId("alice.anderson@acme.example");
        var all = Run("Get-OktaSyncGrant $path");
        var ofAlice = Run($"Get-OktaSyncGrant -Path $path -PrincipalId {alice}");
        Assert.Equal(all.Output.Where(o => (string)o.Properties["PrincipalId"].Value == alice).Select(o => (string)o.Properties["GrantId"].Value), Values(ofAlice, "GrantId"));
        var withInherited = Run($"Get-OktaSyncGrant -Path $path -PrincipalId user:{alice} -Expand");
        Assert.True(withInherited.Output.Count > ofAlice.Output.Count);
        Assert.All(withInherited.Output, o => Assert.Equal(alice, o.Properties["PrincipalId"].Value));
        var engineering = file.Group("Engineering");
        var members = Run($"Get-OktaSyncGrant -Path $path -ResourceId {engineering.GetProperty("id").GetString()} -Slug member");
        Assert.Equal(engineering.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).Order(), Values(members, "PrincipalId").Order());
    }

    [Fact]
    public void EntitlementsPipeIntoGrantsByPropertyName()
    {
        var run = Run("Get-OktaSyncEntitlement -Path $path -ResourceType role -EntitlementId role:HELP_DESK_ADMIN:assigned | Get-OktaSyncGrant -Path $path");
        run.AssertNoErrors();
        Assert.NotEmpty(run.Output);
        Assert.All(run.Output, o => Assert.Equal("role:HELP_DESK_ADMIN:assigned", o.Properties["EntitlementId"].Value));
        Assert.Contains(run.Output, o => (string)o.Properties["PrincipalType"].Value == "group");
    }

    [Fact]
    public void EntitlementsFilterBySlugAndResource()
    {
        var run = Run("Get-OktaSyncEntitlement -Path $path -Slug assigned -ResourceType custom-role");
        run.AssertNoErrors();
        Assert.Equal(State("customRoles").Length, run.Output.Count);
        Assert.All(run.Output, o => Assert.Equal("user,group", o.Properties["GrantableTo"].Value));
        var zoom = Run("Get-OktaSyncEntitlement -Path $path -Slug access").Output.Single(o => (string)o.Properties["ResourceName"].Value == "Zoom");
        var byResource = Run($"Get-OktaSyncEntitlement -Path $path -ResourceId {zoom.Properties["ResourceId"].Value}");
        Assert.Equal(zoom.Properties["EntitlementId"].Value, Assert.Single(byResource.Output).Properties["EntitlementId"].Value);
    }

    [Fact]
    public void ResourcesFilterByTypeAndId()
    {
        var users = Run("Get-OktaSyncResource -Path $path -ResourceType user");
        run(users);
        Assert.Equal(State("users").Length, users.Output.Count);
        var dave = users.Output.Single(o => (string)o.Properties["Login"].Value == "dave.davis@acme.example");
        Assert.Equal("SUSPENDED", dave.Properties["Status"].Value);
        Assert.Equal("Finance", Assert.Single(Run("Get-OktaSyncResource -Path $path -ResourceType user | Where-Object Login -eq 'dave.davis@acme.example' | ForEach-Object { $_.Profile.department }").Output).BaseObject);
        var one = Run($"Get-OktaSyncResource -Path $path -ResourceId user:{dave.Properties["ResourceId"].Value}");
        Assert.Equal("Dave Davis", Assert.Single(one.Output).Properties["DisplayName"].Value);
        Assert.Equal(13, Run("Get-OktaSyncResource $path -ResourceType role").Output.Count);

        static void run(PowerShellRun r) => r.AssertNoErrors();
    }

    [Fact]
    public void AMalformedFileIsATerminatingErrorNamingLineAndPosition()
    {
        var lines = File.ReadAllLines(file.SyncPath);
        var broken = Path.Combine(file.Directory, "broken.json");
        // the first resource (the header before it may grow)
        var at = Array.FindIndex(lines, line => line.StartsWith("{\"id\":{", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"displayName\":", "\"displayName\" ", StringComparison.Ordinal);
        File.WriteAllLines(broken, lines);
        var error = Run("Get-OktaSyncGrant -Path $path", broken).SingleError();
        Assert.Equal("OktaSyncFileInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains($"line {at + 1}, byte position", error.Exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsObjectNotFound()
    {
        var error = Run("Get-OktaSyncResource -Path $path", Path.Combine(file.Directory, "none.json")).SingleError();
        Assert.Equal("OktaSyncFileNotFound", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    private JsonElement[] State(string name) => file.State.RootElement.GetProperty(name).EnumerateArray().ToArray();
}
