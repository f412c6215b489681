using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Resets a user's MFA factors (POST lifecycle/reset_factors: every enrollment returns to unenrolled, the status is
/// kept). The factors are read first, so a user with none needs no call and the result names what was reset.
/// </summary>
public sealed class UserFactors
{
    private readonly OktaDirectory _directory;

    public UserFactors(OktaClient client)
    {
        _directory = new OktaDirectory(client);
    }

    public async Task<UserChange?> ResetAsync(string idOrLogin, ChangeConfirmation? confirm, CancellationToken ct)
    {
        var user = await _directory.GetUserAsync(idOrLogin, ct).ConfigureAwait(false);
        var before = UserLifecycle.StatusOf(user);
        var factors = await ListAsync(user, ct).ConfigureAwait(false);
        if (factors.Count == 0)
        {
            return UserLifecycle.Result("ResetFactors", ProvisioningOutcome.NoFactors, user, before);
        }

        var names = factors.Select(f => f.FactorType ?? f.Id).ToArray();
        if (!await confirm.AllowsAsync(OktaDirectory.Describe(user), $"Reset {names.Length} MFA factor(s): {string.Join(", ", names)}").ConfigureAwait(false))
        {
            return null;
        }

        await WriteSafety.WriteOnceAsync(
            async () =>
            {
                await _directory.Client.SendAsync(HttpMethod.Post, UserPath(user) + "/lifecycle/reset_factors", null, ct).ConfigureAwait(false);
                return user;
            },
            async () => (await ListAsync(user, ct).ConfigureAwait(false)).Count == 0 ? user : null,
            ct).ConfigureAwait(false);
        var result = UserLifecycle.Result("ResetFactors", ProvisioningOutcome.FactorsReset, await _directory.GetUserAsync(user.Id, ct).ConfigureAwait(false), before);
        result.Changed = names;
        return result;
    }

    private async Task<IReadOnlyList<OktaUserFactor>> ListAsync(OktaUser user, CancellationToken ct) =>
        await _directory.Client.GetAsync<List<OktaUserFactor>>(UserPath(user) + "/factors", ct).ConfigureAwait(false);

    private static string UserPath(OktaUser user) => "/api/v1/users/" + OktaDirectory.Escape(user.Id);
}
