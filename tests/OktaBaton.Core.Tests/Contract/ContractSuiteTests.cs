using System.Text;
using System.Text.Json;
using OktaBaton.Contract;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Contract;

/// <summary>The contract suite itself: it catches drift, fails loudly on endpoints it does not know, and its parts agree.</summary>
public sealed class ContractSuiteTests
{
    private static readonly ExchangeValidator Validator = new(ContractSpec.Okta);

    private static SimulatorExchange Exchange(string method, string path, int status, string responseJson, string? route = null,
        string query = "", string requestJson = "", string userAgent = "OktaBaton/test") => new()
    {
        Method = method,
        Path = path,
        QueryString = query,
        RequestHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["User-Agent"] = userAgent, ["Content-Type"] = "application/json" },
        RequestBody = Encoding.UTF8.GetBytes(requestJson),
        StatusCode = status,
        ResponseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" },
        ResponseBody = Encoding.UTF8.GetBytes(responseJson),
        RouteTemplate = route ?? path,
    };

    private static List<string> Kinds(SimulatorExchange exchange) => Validator.Validate(exchange).Select(v => v.Kind).ToList();

    private static string Describe(SimulatorExchange exchange) => string.Join("; ", Validator.Validate(exchange));

    [Fact]
    public void Role_assignments_are_checked_by_the_schema_their_type_picks()
    {
        const string Path = "/api/v1/users/00u1/roles";
        var standard = """[{"id":"ra1","label":"Super Administrator","type":"SUPER_ADMIN","status":"ACTIVE","assignmentType":"USER"}]""";
        var custom = """[{"id":"irb1","label":"Auditor","type":"CUSTOM","status":"ACTIVE","assignmentType":"USER","role":"cr01","resource-set":"iam1"}]""";
        var customMissingItsRole = """[{"id":"irb1","type":"CUSTOM","status":"ACTIVE","assignmentType":"USER","role":7}]""";
        var unmappedType = """[{"id":"ra2","type":"NOT_A_ROLE","status":"ACTIVE","assignmentType":"USER"}]""";

        Assert.Empty(Kinds(Exchange("GET", Path, 200, standard)));
        Assert.Empty(Kinds(Exchange("GET", Path, 200, custom)));
        var violations = Validator.Validate(Exchange("GET", Path, 200, customMissingItsRole));
        Assert.Contains(violations, v => v.Kind == ViolationKinds.Type && v.Schema == "CustomRole" && v.Property == "role");
        Assert.Contains(ViolationKinds.Discriminator, Kinds(Exchange("GET", Path, 200, unmappedType)));
    }

    [Fact]
    public void Answers_need_a_declared_status_the_required_properties_and_the_right_types()
    {
        Assert.Contains(ViolationKinds.UndeclaredStatus, Kinds(Exchange("GET", "/api/v1/groups", 418, "[]")));
        var roleWithoutLabel = Exchange("GET", "/api/v1/iam/roles", 200, """{"roles":[{"id":"cr01"}]}""");
        Assert.True(Kinds(roleWithoutLabel).Contains(ViolationKinds.Required), Describe(roleWithoutLabel));
        Assert.Contains(ViolationKinds.Type, Kinds(Exchange("GET", "/api/v1/groups", 200, """[{"id":"00g1","objectClass":"okta:user_group"}]""")));
        Assert.Contains(ViolationKinds.NoAlternative, Kinds(Exchange("GET", "/api/v1/groups", 200, """[{"id":"00g1","profile":"not an object"}]""")));
        Assert.Contains(ViolationKinds.Enum, Kinds(Exchange("GET", "/api/v1/groups", 200, """[{"id":"00g1","type":"TEAM"}]""")));
        Assert.Contains(ViolationKinds.Format, Kinds(Exchange("GET", "/api/v1/groups", 200, """[{"id":"00g1","created":"yesterday"}]""")));
        Assert.Contains(ViolationKinds.UndeclaredContentType, Kinds(Exchange("GET", "/api/v1/groups", 200, "[]") with
        {
            ResponseHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "text/html" },
        }));
        Assert.Empty(Kinds(Exchange("GET", "/api/v1/groups", 200, """[{"id":"00g1","type":"OKTA_GROUP","profile":{"name":"Sales"}}]""")));
    }

    [Fact]
    public void Requests_of_the_client_need_declared_parameters_and_a_valid_body_but_other_callers_are_not_checked()
    {
        var undeclared = Exchange("GET", "/api/v1/users/00u1/groups", 200, "[]", query: "?limit=200");
        Assert.Contains(ViolationKinds.UndeclaredParameter, Kinds(undeclared));
        Assert.Empty(Kinds(undeclared with { RequestHeaders = new Dictionary<string, string> { ["User-Agent"] = "curl/8" } }));
        Assert.Contains(ViolationKinds.Type, Kinds(Exchange("GET", "/api/v1/users", 200, "[]", query: "?limit=many")));
        Assert.Contains(ViolationKinds.MissingBody, Kinds(Exchange("POST", "/api/v1/groups", 200, """{"id":"00g1"}""")));
        var readOnlySent = Exchange("POST", "/api/v1/apps/0oa1/users", 200, "{}", requestJson: """{"id":"00u1","scope":"USER","statusChanged":"2024-01-01T00:00:00.000Z"}""");
        Assert.True(Kinds(readOnlySent).Contains(ViolationKinds.ReadOnlySent), Describe(readOnlySent));
        Assert.Empty(Kinds(Exchange("POST", "/api/v1/groups", 200, """{"id":"00g1"}""", requestJson: """{"profile":{"name":"x"}}""")));
    }

    [Fact]
    public void An_endpoint_the_contract_does_not_know_fails_and_says_how_to_add_it()
    {
        var violation = Assert.Single(Validator.Validate(Exchange("GET", "/api/v1/brands", 200, "[]", route: "/api/v1/brands")));
        Assert.Equal(ViolationKinds.UndeclaredOperation, violation.Kind);
        Assert.Contains("operations.txt", violation.Message, StringComparison.Ordinal);
        // a path no route serves (a test probing an unknown path) is not an endpoint
        Assert.Empty(Validator.Validate(Exchange("GET", "/api/v1/brands", 404, "{}") with { RouteTemplate = null }));
    }

    [Fact]
    public async Task A_simulator_whose_exchanges_drift_fails_when_it_stops()
    {
        // a contract that knows only the users list: the groups list is an endpoint it has never heard of
        using var usersOnly = JsonDocument.Parse("""
            {"openapi":"3.0.3","paths":{"/api/v1/users":{"get":{"responses":{"200":{"description":"OK","content":{"application/json":{"schema":{"type":"array"}}}}}}}}}
            """);
        var recorder = new ContractRecorder(ContractSpec.FromDocuments(new[] { usersOnly }), AllowList.Parse("[]"));
        var options = new SimulatorOptions { Observer = recorder };
        options.Tokens.Add(new SimulatorToken("contract-test-token"));
        var host = await SimulatorHost.StartAsync(options);
        using (var http = new HttpClient { BaseAddress = host.BaseUrl })
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("SSWS", "contract-test-token");
            using var users = await http.GetAsync("/api/v1/users?limit=1");
            using var groups = await http.GetAsync("/api/v1/groups?limit=1");
        }

        var failure = await Assert.ThrowsAsync<ContractViolationException>(() => host.DisposeAsync().AsTask());

        Assert.Contains("GET /api/v1/groups", failure.Message, StringComparison.Ordinal);
        Assert.Contains(ViolationKinds.UndeclaredOperation, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/api/v1/users", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_route_the_simulator_serves_is_an_operation_of_the_contract()
    {
        var options = new SimulatorOptions { Observer = new ContractRecorder(ContractSpec.Okta, AllowList.Okta) };
        await using var host = await SimulatorHost.StartAsync(options);
        var routes = host.Routes.Append("POST /oauth2/v1/token").ToList();

        var unknown = routes.Where(r => !ContractSpec.Okta.Covers(r.Split(' ')[0], r.Split(' ')[1])).ToList();

        Assert.True(routes.Count > 40, "the simulator's routes should be listed");
        Assert.Empty(unknown);
    }

    [Fact]
    public void The_spec_parts_are_exactly_the_listed_operations_and_carry_okta_s_licence()
    {
        var listed = OperationList.Read(Path.Combine(RepoRoot(), "tests/OktaBaton.Contract/spec/operations.txt"))
            .Select(o => $"{o.Method} {o.Path}").Order(StringComparer.Ordinal).ToList();
        var extracted = ContractSpec.Okta.Operations.Select(o => o.Key).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(listed, extracted);
        Assert.True(File.Exists(Path.Combine(RepoRoot(), "tests/OktaBaton.Contract/spec/LICENSE")));
        using var management = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "tests/OktaBaton.Contract/spec/okta-management.json")));
        Assert.Equal("Apache-2.0", management.RootElement.GetProperty("info").GetProperty("license").GetProperty("name").GetString());
    }

    [Fact]
    public void Every_allow_list_entry_names_a_known_kind_and_cites_its_source()
    {
        var kinds = typeof(ViolationKinds).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(AllowList.Okta.Entries);
        Assert.All(AllowList.Okta.Entries, e =>
        {
            Assert.Contains(e.Kind, kinds);
            Assert.False(string.IsNullOrWhiteSpace(e.Why));
            Assert.False(string.IsNullOrWhiteSpace(e.Source));
        });
        Assert.Throws<InvalidDataException>(() => AllowList.Parse("""[{"kind":"null","why":"no source"}]"""));
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OktaBaton.sln"))) return directory.FullName;
        }
        throw new DirectoryNotFoundException("OktaBaton.sln not found above the test assembly.");
    }
}
