using System.Management.Automation;
using System.Security.Cryptography;
using OktaBaton.PowerShell.Tests.Infrastructure;
using OktaBaton.Simulator.OAuth;

namespace OktaBaton.PowerShell.Tests.OAuth;

/// <summary>Connect-Okta's OAuth parameter set against the simulator, with keys generated at test time.</summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class ConnectOktaOAuthTests
{
    private const string KeyId = "kid-test";
    private static readonly Lazy<RSA> Rsa = new(() => RSA.Create(2048));
    private static readonly Lazy<ECDsa> Ec = new(() => ECDsa.Create(ECCurve.NamedCurves.nistP256));

    private static Task<SimulatedOrg> StartAsync(string clientId, string publicPem, bool dpop = false, IEnumerable<string>? scopes = null) =>
        SimulatedOrg.StartAsync(o => o.OAuthClients.Add(new OAuthClientRegistration(clientId, SimPublicKey.FromPem(publicPem), dpop, scopes, KeyId)));

    /// <summary>The simulator's origin with its http:// scheme (a bare host:port means https).</summary>
    private static string Url(SimulatedOrg org) => org.Host.BaseUrl.GetLeftPart(UriPartial.Authority);

    private static void AssertNoSecrets(PowerShellRun run, SimulatedOrg org, params string[] pems)
    {
        var text = run.AllText();
        Assert.DoesNotContain("eyJ", text, StringComparison.Ordinal);
        foreach (var pem in pems)
            foreach (var line in pem.Split('\n').Where(l => l.Length > 20 && !l.StartsWith("-----", StringComparison.Ordinal)))
                Assert.DoesNotContain(line.Trim(), text, StringComparison.Ordinal);
        foreach (var token in org.Host.OAuth.IssuedTokenValues)
            Assert.DoesNotContain(token, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectsWithAnRsaKeyStringAndShowsTheClientIdAsPrincipal()
    {
        var privatePem = Rsa.Value.ExportRSAPrivateKeyPem();
        await using var org = await StartAsync("0oaBearer", Rsa.Value.ExportSubjectPublicKeyInfoPem());
        using var session = new ModuleSession();

        var run = session.Run("Connect-Okta -Domain $domain -ClientId 0oaBearer -KeyId $kid -PrivateKey $key -PassThru -Verbose -Debug",
            new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["key"] = privatePem }, verbose: true, debug: true);

        run.AssertNoErrors();
        var connection = Assert.Single(run.Output);
        Assert.Equal("OAuth", connection.Properties["AuthMethod"].Value);
        Assert.Equal("0oaBearer", connection.Properties["Principal"].Value);
        Assert.Equal(1, org.Host.OAuth.IssuedTokenCount);
        Assert.NotEmpty(run.Verbose);
        AssertNoSecrets(run, org, privatePem);
    }

    [Fact]
    public async Task SyncingSecretsWithoutTheApiTokensScopeWarnsWhichScopeToAdd()
    {
        var privatePem = Rsa.Value.ExportRSAPrivateKeyPem();
        await using var org = await StartAsync("0oaSync", Rsa.Value.ExportSubjectPublicKeyInfoPem(), dpop: true);
        var path = Path.Combine(Path.GetTempPath(), $"oktabaton-{Guid.NewGuid():N}.json");
        using var session = new ModuleSession();

        var run = session.Run("Connect-Okta -Domain $domain -ClientId 0oaSync -KeyId $kid -PrivateKey $key; Invoke-OktaSync -Path $path -SyncSecrets",
            new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["key"] = privatePem, ["path"] = path }, verbose: true, debug: true);
        File.Delete(path);

        run.AssertNoErrors();
        var summary = Assert.Single(run.Output);
        Assert.True((long)summary.Properties["Users"].Value > 0);
        Assert.Equal(0L, summary.Properties["ApiTokens"].Value);
        Assert.Contains(run.Warnings, w => w.Contains("'okta.apiTokens.read'", StringComparison.Ordinal) && w.Contains("/api/v1/api-tokens", StringComparison.Ordinal));
        Assert.Contains(run.Debug, line => line.StartsWith("GET /api/v1/users?", StringComparison.Ordinal));
        AssertNoSecrets(run, org, privatePem);
    }

    [Fact]
    public async Task ConnectsToADPoPAppWithAnEcKeyFileAndASecureString()
    {
        var privatePem = Ec.Value.ExportPkcs8PrivateKeyPem();
        await using var org = await StartAsync("0oaDpop", Ec.Value.ExportSubjectPublicKeyInfoPem(), dpop: true);
        var path = Path.Combine(Path.GetTempPath(), $"oktabaton-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(path, privatePem);
        try
        {
            using var session = new ModuleSession();
            var fromFile = session.Run("Connect-Okta -Domain $domain -ClientId 0oaDpop -KeyId $kid -PrivateKeyPath $path -PassThru -Verbose -Debug",
                new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["path"] = path }, verbose: true, debug: true);
            var fromSecure = session.Run("Connect-Okta -Domain $domain -ClientId 0oaDpop -KeyId $kid -PrivateKey $key -PassThru",
                new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["key"] = SimulatedOrg.Secure(privatePem) });

            fromFile.AssertNoErrors();
            fromSecure.AssertNoErrors();
            Assert.Equal("0oaDpop", Assert.Single(fromSecure.Output).Properties["Principal"].Value);
            Assert.Equal(2, org.Host.OAuth.IssuedTokenCount);
            AssertNoSecrets(fromFile, org, privatePem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task FallsBackToTheBatonOAuthEnvironmentVariablesWithEscapedNewlines()
    {
        var privatePem = Ec.Value.ExportECPrivateKeyPem();
        await using var org = await StartAsync("0oaEnv", Ec.Value.ExportSubjectPublicKeyInfoPem());
        using var session = new ModuleSession();

        var run = session.Run(
            "$env:BATON_OKTA_CLIENT_ID = '0oaEnv'; $env:BATON_OKTA_PRIVATE_KEY_ID = $kid; $env:BATON_OKTA_PRIVATE_KEY = $key; " +
            "try { Connect-Okta -Domain $domain -PassThru } finally { 'BATON_OKTA_CLIENT_ID', 'BATON_OKTA_PRIVATE_KEY_ID', 'BATON_OKTA_PRIVATE_KEY' | ForEach-Object { [Environment]::SetEnvironmentVariable($_, $null) } }",
            new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["key"] = privatePem.Trim().Replace("\n", "\\n", StringComparison.Ordinal) });

        run.AssertNoErrors();
        Assert.Equal("0oaEnv", Assert.Single(run.Output).Properties["Principal"].Value);
    }

    [Fact]
    public async Task AWrongKeyIdIsAnAuthenticationErrorThatNamesIt()
    {
        var privatePem = Ec.Value.ExportPkcs8PrivateKeyPem();
        await using var org = await StartAsync("0oaKid", Ec.Value.ExportSubjectPublicKeyInfoPem());
        using var session = new ModuleSession();

        var run = session.Run("Connect-Okta -Domain $domain -ClientId 0oaKid -KeyId wrong-kid -PrivateKey $key",
            new Dictionary<string, object?> { ["domain"] = Url(org), ["key"] = privatePem }, verbose: true, debug: true);

        var error = run.SingleError();
        Assert.Equal("OktaOAuthInvalidKeyId", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("'wrong-kid'", error.Exception.Message, StringComparison.Ordinal);
        Assert.Empty(session.Run("Get-OktaConnection").Output);
        AssertNoSecrets(run, org, privatePem);
    }

    [Fact]
    public async Task ScopesTheAppLacksAreNamed()
    {
        var privatePem = Ec.Value.ExportPkcs8PrivateKeyPem();
        await using var org = await StartAsync("0oaScopes", Ec.Value.ExportSubjectPublicKeyInfoPem(), scopes: new[] { "okta.users.read" });
        using var session = new ModuleSession();

        var denied = session.Run("Connect-Okta -Domain $domain -ClientId 0oaScopes -KeyId $kid -PrivateKey $key",
            new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["key"] = privatePem });
        var narrowed = session.Run("Connect-Okta -Domain $domain -ClientId 0oaScopes -KeyId $kid -PrivateKey $key -Scope okta.users.read -PassThru",
            new Dictionary<string, object?> { ["domain"] = Url(org), ["kid"] = KeyId, ["key"] = privatePem });

        var error = denied.SingleError();
        Assert.Equal("OktaOAuthInvalidScope", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("okta.groups.manage", error.Exception.Message, StringComparison.Ordinal);
        narrowed.AssertNoErrors();
        Assert.Single(narrowed.Output);
    }

    [Fact]
    public void AnUnusableKeyIsAnInvalidArgumentThatDoesNotEchoIt()
    {
        var publicPem = Rsa.Value.ExportSubjectPublicKeyInfoPem();
        using var session = new ModuleSession();

        var run = session.Run("Connect-Okta -Domain example.okta.com -ClientId 0oaX -KeyId k -PrivateKey $key",
            new Dictionary<string, object?> { ["key"] = publicPem });

        var error = run.SingleError();
        Assert.Equal("OktaInvalidPrivateKey", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("public key", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(publicPem.Split('\n')[1].Trim(), run.AllText(), StringComparison.Ordinal);
    }

    [Fact]
    public void ApiTokenAndOAuthParametersDoNotMix()
    {
        using var session = new ModuleSession();

        var run = session.Run("Connect-Okta -Domain example.okta.com -ApiToken $token -ClientId 0oaX -KeyId k -PrivateKey x",
            new Dictionary<string, object?> { ["token"] = SimulatedOrg.Secure("00x") });

        Assert.Equal("AmbiguousParameterSet", run.SingleError().FullyQualifiedErrorId.Split(',')[0]);
    }
}
