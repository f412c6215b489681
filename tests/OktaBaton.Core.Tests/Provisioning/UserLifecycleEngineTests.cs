using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.Tests.Okta;
using OktaBaton.Simulator;
using Xunit;

namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>
/// Every lifecycle action from every Okta status, against the demo org, with the org's state read back from the
/// simulator after each user. The expectations are the rules of the issue and Okta's lifecycle docs, written here.
/// </summary>
public sealed class UserLifecycleEngineTests
{
    /// <summary>One demo user per status, in the order the expectation rows follow.</summary>
    private static readonly (string Status, string Login)[] UserPerStatus = DemoUsers.OnePerStatus;

    private const string Refused = "error OktaInvalidUserStatus";

    /// <summary>Action → per status: "Outcome NEWSTATUS" (GONE once deleted) or "error ErrorId" (state unchanged); then the writes sent.</summary>
    public static TheoryData<string, string[], int> Actions() => new()
    {
        // STAGED, PROVISIONED, ACTIVE, RECOVERY, LOCKED_OUT, PASSWORD_EXPIRED, SUSPENDED, DEPROVISIONED
        { "Enable", new[] { "Enabled PROVISIONED", "AlreadyEnabled PROVISIONED", "AlreadyEnabled ACTIVE", "AlreadyEnabled RECOVERY", "AlreadyEnabled LOCKED_OUT", "AlreadyEnabled PASSWORD_EXPIRED", "Enabled ACTIVE", "error OktaUserDeprovisioned" }, 2 },
        { "Disable", new[] { "AlreadyDisabled STAGED", Refused, "Disabled SUSPENDED", Refused, Refused, Refused, "AlreadyDisabled SUSPENDED", "AlreadyDisabled DEPROVISIONED" }, 1 },
        { "Deactivate", new[] { "Deactivated DEPROVISIONED", "Deactivated DEPROVISIONED", "Deactivated DEPROVISIONED", "Deactivated DEPROVISIONED", "Deactivated DEPROVISIONED", "Deactivated DEPROVISIONED", "Deactivated DEPROVISIONED", "AlreadyDeactivated DEPROVISIONED" }, 7 },
        { "Delete", new[] { "Deleted GONE", "Deleted GONE", "Deleted GONE", "Deleted GONE", "Deleted GONE", "Deleted GONE", "Deleted GONE", "Deleted GONE" }, 15 },
        { "Reactivate", new[] { "NotDeactivated STAGED", "NotDeactivated PROVISIONED", "NotDeactivated ACTIVE", "NotDeactivated RECOVERY", "NotDeactivated LOCKED_OUT", "NotDeactivated PASSWORD_EXPIRED", "NotDeactivated SUSPENDED", "Reactivated PROVISIONED" }, 1 },
        { "Unlock", new[] { "NotLockedOut STAGED", "NotLockedOut PROVISIONED", "NotLockedOut ACTIVE", "NotLockedOut RECOVERY", "Unlocked ACTIVE", "NotLockedOut PASSWORD_EXPIRED", "NotLockedOut SUSPENDED", "NotLockedOut DEPROVISIONED" }, 1 },
        { "ExpirePassword", new[] { Refused, Refused, "PasswordExpired PASSWORD_EXPIRED", Refused, Refused, "AlreadyPasswordExpired PASSWORD_EXPIRED", Refused, Refused }, 1 },
        { "ResetFactors", new[] { "NoFactors STAGED", "NoFactors PROVISIONED", "FactorsReset ACTIVE", "FactorsReset RECOVERY", "FactorsReset LOCKED_OUT", "FactorsReset PASSWORD_EXPIRED", "FactorsReset SUSPENDED", "NoFactors DEPROVISIONED" }, 5 },
    };

    [Theory]
    [MemberData(nameof(Actions))]
    public async Task Each_action_from_each_status_does_what_okta_allows(string action, string[] expected, int writes)
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        for (var i = 0; i < UserPerStatus.Length; i++)
        {
            var (status, login) = UserPerStatus[i];
            var id = await UserIdAsync(host, login);
            var because = $"{action} from {status}";
            string got;
            try
            {
                var change = await RunAsync(action, client, id, CancellationToken.None);
                Assert.NotNull(change);
                Assert.Equal(id, change!.UserId);
                Assert.Equal(status, change.PreviousStatus);
                got = change.OutcomeKind + " " + ((await UserAsync(host, id))?.GetProperty("status").GetString() ?? "GONE");
                Assert.True(expected[i].Split(' ')[1] == (change.Status ?? "GONE"), $"{because}: result says {change.Status}");
            }
            catch (OktaOperationException failure)
            {
                got = "error " + failure.ErrorId;
                Assert.True(status == (await UserAsync(host, id))!.Value.GetProperty("status").GetString(), $"{because}: refused, yet changed");
            }

            Assert.True(expected[i] == got, $"{because}: expected {expected[i]}, got {got}");
        }

        Assert.Equal(writes, DemoOrgHost.Writes(host));
    }

    [Fact]
    public async Task A_refused_disable_sends_no_write_and_says_how_to_cut_off_access()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);

        var failure = await Assert.ThrowsAsync<OktaOperationException>(() =>
            new UserLifecycle(client).DisableAsync("grace.garcia@acme.example", null, CancellationToken.None));

        Assert.Equal(OktaFailureKind.InvalidOperation, failure.Kind);
        Assert.Contains("PASSWORD_EXPIRED", failure.Message, StringComparison.Ordinal);
        Assert.Contains("deactivate", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(host.GetStats().ByRoute.Keys, k => !k.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deactivation_whose_answer_was_lost_is_confirmed_by_reading_and_not_sent_again()
    {
        await using var host = await StartOrgAsync();
        var noah = await UserIdAsync(host, "noah.nguyen@acme.example");
        host.EnqueueFaults($"/api/v1/users/{noah}/lifecycle/deactivate", FaultKind.AnswerLost, 1, "POST");
        using var client = Client(host);

        var change = await new UserDeprovisioning(client).DeactivateAsync(noah, false, null, CancellationToken.None);

        Assert.Equal(1, host.GetStats().FaultsServed);
        Assert.Equal(ProvisioningOutcome.Deactivated, change!.OutcomeKind);
        Assert.Equal(1, Route(host, "POST /api/v1/users/{id}/lifecycle/{action}"));
        Assert.Equal("DEPROVISIONED", (await UserAsync(host, noah))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_delete_whose_answer_was_lost_is_repeated_safely_because_the_user_was_confirmed_deactivated()
    {
        await using var host = await StartOrgAsync();
        var noah = await UserIdAsync(host, "noah.nguyen@acme.example");
        host.EnqueueFaults($"/api/v1/users/{noah}", FaultKind.AnswerLost, 1, "DELETE");
        using var client = Client(host);

        var change = await new UserDeprovisioning(client).DeleteAsync("noah.nguyen@acme.example", false, null, CancellationToken.None);

        Assert.Equal(ProvisioningOutcome.Deleted, change!.OutcomeKind);
        Assert.Equal("ACTIVE", change.PreviousStatus);
        Assert.Null(await UserAsync(host, noah));
        // the deactivation went by POST, never by a DELETE that a retry could have turned into a delete
        Assert.Equal(1, Route(host, "POST /api/v1/users/{id}/lifecycle/{action}"));
        Assert.Equal(2, Route(host, "DELETE /api/v1/users/{id}"));
    }

    [Fact]
    public async Task Deleting_a_missing_id_is_already_deleted_but_a_missing_login_is_an_error()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);
        var deprovisioning = new UserDeprovisioning(client);

        var byId = await deprovisioning.DeleteAsync("00uGoneGoneGoneGone1", false, null, CancellationToken.None);
        var byLogin = await Assert.ThrowsAsync<OktaOperationException>(() => deprovisioning.DeleteAsync("gone@acme.example", false, null, CancellationToken.None));

        Assert.Equal(ProvisioningOutcome.AlreadyDeleted, byId!.OutcomeKind);
        Assert.Equal("OktaUserNotFound", byLogin.ErrorId);
        Assert.DoesNotContain(host.GetStats().ByRoute.Keys, k => !k.StartsWith("GET ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_user_someone_else_changed_after_it_was_read_gets_the_already_outcome()
    {
        await using var host = await StartOrgAsync();
        var noah = await UserIdAsync(host, "noah.nguyen@acme.example");
        var liam = await UserIdAsync(host, "liam.lopez@acme.example");
        using var client = Client(host);
        using var other = new HttpClient { BaseAddress = host.BaseUrl };
        other.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("SSWS", DemoOrgHost.Token);
        ChangeConfirmation meanwhile(string userId, string operation) => async (_, _) =>
        {
            using var response = await other.PostAsync($"/api/v1/users/{userId}/lifecycle/{operation}", null);
            response.EnsureSuccessStatusCode();
            return true;
        };

        var deactivated = await new UserDeprovisioning(client).DeactivateAsync(noah, false, meanwhile(noah, "deactivate"), CancellationToken.None);
        var suspended = await new UserLifecycle(client).DisableAsync(liam, meanwhile(liam, "suspend"), CancellationToken.None);

        Assert.Equal(ProvisioningOutcome.AlreadyDeactivated, deactivated!.OutcomeKind);
        Assert.Equal(ProvisioningOutcome.AlreadyDisabled, suspended!.OutcomeKind);
        Assert.Equal("SUSPENDED", (await UserAsync(host, liam))!.Value.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Reset_factors_names_the_factors_it_reset()
    {
        await using var host = await StartOrgAsync();
        using var client = Client(host);

        var change = await new UserFactors(client).ResetAsync("alice.anderson@acme.example", null, CancellationToken.None);

        Assert.Equal(new[] { "push", "token:software:totp" }, change!.Changed);
        var alice = await UserIdAsync(host, "alice.anderson@acme.example");
        Assert.Equal(0, (await UserAsync(host, alice))!.Value.GetProperty("factors").GetArrayLength());
    }

    private static Task<UserChange?> RunAsync(string action, OktaClient client, string id, CancellationToken ct) => action switch
    {
        "Enable" => new UserLifecycle(client).EnableAsync(id, null, ct),
        "Disable" => new UserLifecycle(client).DisableAsync(id, null, ct),
        "Deactivate" => new UserDeprovisioning(client).DeactivateAsync(id, false, null, ct),
        "Delete" => new UserDeprovisioning(client).DeleteAsync(id, false, null, ct),
        "Reactivate" => new UserLifecycle(client).ReactivateAsync(id, false, null, ct),
        "Unlock" => new UserLifecycle(client).UnlockAsync(id, null, ct),
        "ExpirePassword" => new UserLifecycle(client).ExpirePasswordAsync(id, null, ct),
        "ResetFactors" => new UserFactors(client).ResetAsync(id, null, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static Task<SimulatorHost> StartOrgAsync() => DemoOrgHost.StartAsync();

    private static OktaClient Client(SimulatorHost host) => DemoOrgHost.Client(host);

    private static long Route(SimulatorHost host, string route) => DemoOrgHost.Route(host, route);

    private static Task<string> UserIdAsync(SimulatorHost host, string login) => DemoOrgHost.UserIdAsync(host, login);

    private static Task<JsonElement?> UserAsync(SimulatorHost host, string id) => DemoOrgHost.UserAsync(host, id);
}
