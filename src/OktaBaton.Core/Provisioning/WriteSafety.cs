using System;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Makes a non-idempotent write (a POST) safe to repeat. The client never repeats a POST whose answer was
/// lost (a timeout, a reset connection, a 5xx), because Okta may have applied it. Here we look: if the
/// change is in place the write succeeded; only if it is not do we send it again.
/// </summary>
internal static class WriteSafety
{
    private const int MaxAttempts = 3;

    public static async Task<T> WriteOnceAsync<T>(Func<Task<T>> write, Func<Task<T?>> findApplied, CancellationToken ct)
        where T : class
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write().ConfigureAwait(false);
            }
            catch (Exception failure) when (attempt < MaxAttempts && IsOutcomeUnknown(failure) && !ct.IsCancellationRequested)
            {
                var applied = await findApplied().ConfigureAwait(false);
                if (applied is not null)
                {
                    return applied;
                }
            }
        }
    }

    /// <summary>The request may or may not have reached Okta and been applied.</summary>
    public static bool IsOutcomeUnknown(Exception failure) => failure switch
    {
        OktaTimeoutException => true,
        OktaConnectionException => true,
        OktaApiException api => api.StatusCode >= 500,
        _ => false,
    };
}
