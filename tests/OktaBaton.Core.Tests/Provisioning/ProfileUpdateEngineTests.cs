using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Tests.Okta;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>Partial profile updates against the demo org, the profile read back from the simulator's state.</summary>
public sealed class ProfileUpdateEngineTests
{
    [Fact]
    public async Task Only_the_attributes_that_differ_are_sent_and_the_rest_stay()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        var request = Request("liam.lopez@acme.example", ("title", "QA Lead"), ("department", "Engineering"), ("employeeIdNumber", "E-77"));

        var change = await new UserProfiles(client).UpdateAsync(request, null, CancellationToken.None);

        Assert.Equal(ProvisioningOutcome.Updated, change!.OutcomeKind);
        Assert.Equal(new[] { "title", "employeeIdNumber" }, change.Changed);
        var profile = await ProfileAsync(host, "liam.lopez@acme.example");
        Assert.Equal(("QA Lead", "Engineering", "E-77", "Liam", "Lopez"),
            (Text(profile, "title"), Text(profile, "department"), Text(profile, "employeeIdNumber"), Text(profile, "firstName"), Text(profile, "lastName")));
        Assert.Equal(1, host.GetStats().ByRoute["POST /api/v1/users/{id}"]);
    }

    [Fact]
    public async Task Nothing_is_sent_when_nothing_would_change()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        var request = Request("liam.lopez@acme.example", ("title", "QA Engineer"), ("department", "Engineering"));
        request.Clear.Add("costCenter");

        var change = await new UserProfiles(client).UpdateAsync(request, (_, _) => throw new InvalidOperationException("asked to confirm a no-op"), CancellationToken.None);

        Assert.Equal(ProvisioningOutcome.Unchanged, change!.OutcomeKind);
        Assert.Empty(change.Changed);
        Assert.DoesNotContain(host.GetStats().ByRoute.Keys, k => !k.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clearing_sends_null_and_the_attribute_is_gone()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        var request = new ProfileUpdateRequest { User = "alice.anderson@acme.example" };
        request.Clear.Add("secondEmail");

        var change = await new UserProfiles(client).UpdateAsync(request, null, CancellationToken.None);

        Assert.Equal(new[] { "secondEmail" }, change!.Changed);
        var profile = await ProfileAsync(host, "alice.anderson@acme.example");
        Assert.True(!profile.TryGetProperty("secondEmail", out var second) || second.ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task An_attribute_okta_rejects_is_named_and_nothing_changes()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        var before = await ProfileAsync(host, "liam.lopez@acme.example");

        var failure = await Assert.ThrowsAsync<OktaOperationException>(() =>
            new UserProfiles(client).UpdateAsync(Request("liam.lopez@acme.example", ("title", "Lead"), ("shoeSize", "44")), null, CancellationToken.None));

        Assert.Equal("OktaProfileRejected", failure.ErrorId);
        Assert.Equal(OktaFailureKind.InvalidArgument, failure.Kind);
        Assert.Contains("shoeSize", failure.Message, StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), (await ProfileAsync(host, "liam.lopez@acme.example")).GetRawText());
    }

    [Fact]
    public async Task A_duplicate_login_is_rejected_naming_the_login()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);

        var failure = await Assert.ThrowsAsync<OktaOperationException>(() =>
            new UserProfiles(client).UpdateAsync(Request("liam.lopez@acme.example", ("login", "noah.nguyen@acme.example")), null, CancellationToken.None));

        Assert.Equal("OktaProfileRejected", failure.ErrorId);
        Assert.Contains("login", failure.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nested")]
    [InlineData("date")]
    [InlineData("setAndClear")]
    [InlineData("nothing")]
    [InlineData("clearRequired")]
    public async Task Values_okta_profiles_cannot_hold_are_refused_before_any_request(string kind)
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        var request = new ProfileUpdateRequest { User = "liam.lopez@acme.example" };
        switch (kind)
        {
            case "nested": request.Set["title"] = new Dictionary<string, object> { ["a"] = 1 }; break;
            case "date": request.Set["startDate"] = DateTime.Today; break;
            case "setAndClear": request.Set["title"] = "X"; request.Clear.Add("title"); break;
            case "clearRequired": request.Clear.Add("email"); break;
        }

        var failure = await Assert.ThrowsAsync<OktaOperationException>(() => new UserProfiles(client).UpdateAsync(request, null, CancellationToken.None));

        Assert.Equal("OktaInvalidArgument", failure.ErrorId);
        Assert.Empty(host.GetStats().ByRoute);
    }

    [Fact]
    public async Task A_deactivated_users_profile_update_says_why_okta_refused()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);

        var failure = await Assert.ThrowsAsync<OktaOperationException>(() =>
            new UserProfiles(client).UpdateAsync(Request("erin.evans@acme.example", ("title", "Gone")), null, CancellationToken.None));

        Assert.Equal("OktaInvalidUserStatus", failure.ErrorId);
        Assert.Contains("DEPROVISIONED", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_update_whose_answer_was_lost_is_confirmed_by_reading_and_sent_once()
    {
        await using var host = await StartOrgAsync();
        var state = await StateAsync(host);
        var liam = state.GetProperty("users").EnumerateArray().First(u => u.GetProperty("profile").GetProperty("login").GetString() == "liam.lopez@acme.example").GetProperty("id").GetString();
        host.EnqueueFaults($"/api/v1/users/{liam}", FaultKind.AnswerLost, 1, "POST");
        using var client = Client(host);

        var change = await new UserProfiles(client).UpdateAsync(Request(liam!, ("title", "QA Lead")), null, CancellationToken.None);

        Assert.Equal(1, host.GetStats().FaultsServed);
        Assert.Equal(ProvisioningOutcome.Updated, change!.OutcomeKind);
        Assert.Equal(1, host.GetStats().ByRoute["POST /api/v1/users/{id}"]);
        Assert.Equal("QA Lead", Text(await ProfileAsync(host, "liam.lopez@acme.example"), "title"));
    }

    private static ProfileUpdateRequest Request(string user, params (string Name, object Value)[] set)
    {
        var request = new ProfileUpdateRequest { User = user };
        foreach (var (name, value) in set)
        {
            request.Set[name] = value;
        }
        return request;
    }

    private static string? Text(JsonElement profile, string name) =>
        profile.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Task<SimulatorHost> StartOrgAsync() => DemoOrgHost.StartAsync();

    private static OktaClient Client(SimulatorHost host) => DemoOrgHost.Client(host);

    private static Task<JsonElement> StateAsync(SimulatorHost host) => DemoOrgHost.StateAsync(host);

    private static async Task<JsonElement> ProfileAsync(SimulatorHost host, string login) =>
        (await StateAsync(host)).GetProperty("users").EnumerateArray()
            .First(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("profile");
}
