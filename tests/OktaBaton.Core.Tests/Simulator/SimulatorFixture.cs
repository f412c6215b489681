using System.Net.Http.Headers;
using System.Text.Json;
using OktaBaton.Simulator;

namespace OktaBaton.Core.Tests.Simulator;

/// <summary>A running simulator and raw HttpClients for its tokens.</summary>
internal sealed class SimulatorFixture : IAsyncDisposable
{
    public const string SuperToken = "test-super-admin-token";
    public const string ReadOnlyToken = "test-read-only-token";
    public const string CustomReadOnlyToken = "test-custom-read-only-token";
    public const string AppGroupAdminToken = "test-app-group-admin-token";

    private readonly List<HttpClient> _clients = new();

    private SimulatorFixture(SimulatorHost host) => Host = host;

    public SimulatorHost Host { get; }

    public static async Task<SimulatorFixture> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions();
        options.Tokens.Add(new SimulatorToken(SuperToken));
        options.Tokens.Add(new SimulatorToken(ReadOnlyToken, "read-only"));
        options.Tokens.Add(new SimulatorToken(CustomReadOnlyToken, "custom-read-only"));
        options.Tokens.Add(new SimulatorToken(AppGroupAdminToken, "read-only+app-admin+group-admin"));
        configure?.Invoke(options);
        return new SimulatorFixture(await SimulatorHost.StartAsync(options));
    }

    public HttpClient Client(string? token = SuperToken)
    {
        var client = new HttpClient { BaseAddress = Host.BaseUrl };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("SSWS", token);
        }
        _clients.Add(client);
        return client;
    }

    public async Task<JsonElement> StateAsync()
    {
        using var client = new HttpClient { BaseAddress = Host.BaseUrl };
        var text = await client.GetStringAsync("/__simulator/state");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async Task<string> UserIdAsync(string login)
    {
        var state = await StateAsync();
        return state.GetProperty("users").EnumerateArray().First(u => u.GetProperty("profile").GetProperty("login").GetString() == login).GetProperty("id").GetString()!;
    }

    public async Task<string> GroupIdAsync(string name)
    {
        var state = await StateAsync();
        return state.GetProperty("groups").EnumerateArray().First(g => g.GetProperty("profile").GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    public async Task<string> AppIdAsync(string label)
    {
        var state = await StateAsync();
        return state.GetProperty("apps").EnumerateArray().First(a => a.GetProperty("label").GetString() == label).GetProperty("id").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await Host.DisposeAsync();
    }
}

internal static class HttpTestExtensions
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<string> ErrorCodeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync()).GetProperty("errorCode").GetString()!;

    /// <summary>The URL of the Link header line with the given rel, or null.</summary>
    public static string? Link(this HttpResponseMessage response, string rel)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }
        foreach (var value in values)
        {
            if (value.EndsWith($"rel=\"{rel}\"", StringComparison.Ordinal))
            {
                return value[(value.IndexOf('<') + 1)..value.IndexOf('>')];
            }
        }
        return null;
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : throw new Xunit.Sdk.XunitException($"missing header {name}");

    public static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
