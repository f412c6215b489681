using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Simulator;

namespace OktaBaton.Core.Tests.Okta;

/// <summary>An in-process simulator and OktaClients for it; the org's truth comes from /__simulator/state.</summary>
internal sealed class SimulatedOrg : IAsyncDisposable
{
    public const string SuperToken = "client-test-super-admin";
    public const string ReadOnlyToken = "client-test-read-only";

    private readonly List<OktaClient> _clients = new();

    private SimulatedOrg(SimulatorHost host) => Host = host;

    public SimulatorHost Host { get; }

    public static async Task<SimulatedOrg> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        options.Tokens.Add(new SimulatorToken(SuperToken));
        options.Tokens.Add(new SimulatorToken(ReadOnlyToken, "read-only"));
        configure?.Invoke(options);
        return new SimulatedOrg(await SimulatorHost.StartAsync(options));
    }

    public OktaClient Client(string token = SuperToken, Action<OktaClientOptions>? configure = null) =>
        Track(TestClients.For("http://" + Host.Domain, token, configure));

    public OktaClient Client(IOktaAuthenticator authenticator)
    {
        var options = new OktaClientOptions(OktaOrgUrl.Parse("http://" + Host.Domain), authenticator) { MaxRetries = 0 };
        return Track(new OktaClient(options));
    }

    public async Task<JsonElement> StateAsync()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUrl };
        using var document = JsonDocument.Parse(await http.GetStringAsync("/__simulator/state"));
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Host.DisposeAsync();
    }

    private OktaClient Track(OktaClient client)
    {
        _clients.Add(client);
        return client;
    }
}
