using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Tests.Okta;

internal static class TestClients
{
    public const string Token = "00sEcReT-tok3n-never-printed";

    /// <summary>A client with short waits so retry tests stay fast.</summary>
    public static OktaClient For(string domain, string token = Token, Action<OktaClientOptions>? configure = null)
    {
        var options = new OktaClientOptions(OktaOrgUrl.Parse(domain), new ApiTokenAuthenticator(token))
        {
            BaseBackoff = TimeSpan.FromMilliseconds(10),
            MaxRetryWait = TimeSpan.FromSeconds(3),
            RequestTimeout = TimeSpan.FromSeconds(10),
            MaxRetries = 3,
        };
        configure?.Invoke(options);
        return new OktaClient(options);
    }

    public static async Task<List<T>> ToListAsync<T>(this IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}
