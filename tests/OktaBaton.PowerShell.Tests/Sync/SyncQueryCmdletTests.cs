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
            "PrincipalName", "PrincipalLogin", "PrincipalEmail", "Via" };
        Assert.All(run.Output, o =>
        {
            Assert.Equal(expected, o.Properties.Select(p => p.Name));
            Assert.All(o.Properties, p => Assert.True(p.Value is null or string, p.Name));
        });
        var carol = run.Output.Single(o => (string)o.Properties["PrincipalLogin"].Value == "carol.chen@acme.example" && (string)o.Properties["ResourceName"].Value == "Salesforce");
        Assert.Equal(("Carol Chen", "carol.chen@acme.example", "access"), ((string)carol.Properties["PrincipalName"].Value, (string)carol.Properties["PrincipalEmail"].Value, (string)carol.Properties["Slug"].Value));
    }

    [Fact]
    public void ExpandListsSuperAdminsDirectAndThroughGroupsWithVia()
    {
        var run = Run("Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER_ADMIN:assigned -Expand | Where-Object PrincipalType -eq user");
        run.AssertNoErrors();
        var admins = file.Group("Okta Admins");
        var members = admins.GetProperty("memberIds").EnumerateArray().Select(m => m.GetString()!).ToList();
        var direct = run.Output.Where(o => o.Properties["Via"].Value is null).Select(o => (string)o.Properties["PrincipalId"].Value);
        Assert.Equal(new[] { file.UserId("okta.admin@acme.example"), file.UserId("break.glass@acme.example") }.Order(), direct.Order());
        var inherited = run.Output.Where(o => o.Properties["Via"].Value is not null).ToList();
        Assert.Equal(members.Order(), inherited.Select(o => (string)o.Properties["PrincipalId"].Value).Order());
        Assert.All(inherited, o => Assert.Equal($"role:SUPER_ADMIN:assigned:group:{admins.GetProperty("id").GetString()}", o.Properties["Via"].Value));
        Assert.Empty(Run("Get-OktaSyncGrant -Path $path -EntitlementId role:SUPER_ADMIN:assigned | Where-Object Via").Output);
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
        lines[12] = lines[12].Replace("\"displayName\":", "\"displayName\" ", StringComparison.Ordinal);
        File.WriteAllLines(broken, lines);
        var error = Run("Get-OktaSyncGrant -Path $path", broken).SingleError();
        Assert.Equal("OktaSyncFileInvalid", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Contains("line 13, byte position", error.Exception.Message, StringComparison.Ordinal);
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
