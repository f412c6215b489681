using System.Text.Json;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Sync;
using OktaBaton.Core.SyncFile;
using OktaBaton.Simulator;

namespace OktaBaton.Core.Tests.Sync;

/// <summary>A running simulator, a client per token profile, and a scratch directory for sync files.</summary>
public sealed class SyncTestOrg : IAsyncDisposable
{
    private readonly List<OktaClient> _clients = new();

    private SyncTestOrg(SimulatorHost host, string directory)
    {
        Host = host;
        Directory = directory;
    }

    public SimulatorHost Host { get; }

    public string Directory { get; }

    public static async Task<SyncTestOrg> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var options = new SimulatorOptions { Org = "demo" };
        foreach (var profile in new[] { "super-admin", "read-only", "custom-read-only", "read-only+app-admin+group-admin", "no-admin-role" })
        {
            options.Tokens.Add(new SimulatorToken("tok-" + profile, profile));
        }
        configure?.Invoke(options);
        var host = await SimulatorHost.StartAsync(options);
        return new SyncTestOrg(host, System.IO.Directory.CreateTempSubdirectory("oktabaton-sync-").FullName);
    }

    /// <param name="handler">Sends the client's requests (the caller disposes it); by default its own.</param>
    public OktaClient Client(string profile = "super-admin", int maxRetries = 6, bool paceByRateLimits = true, HttpMessageHandler? handler = null)
    {
        var client = new OktaClient(new OktaClientOptions(OktaOrgUrl.Parse(Host.BaseUrl.ToString()), new ApiTokenAuthenticator("tok-" + profile))
        {
            MaxRetries = maxRetries,
            BaseBackoff = TimeSpan.FromMilliseconds(10),
            PaceByRateLimits = paceByRateLimits,
            Handler = handler,
        });
        _clients.Add(client);
        return client;
    }

    public string PathFor(string name) => Path.Combine(Directory, name);

    public async Task<(SyncResult Result, SyncContents Contents)> SyncAsync(SyncOptions? options = null, string profile = "super-admin", string name = "sync.json")
    {
        var path = PathFor(name);
        var result = await new SyncEngine(Client(profile)).RunAsync(path, options ?? new SyncOptions(), null, CancellationToken.None);
        return (result, SyncContents.Read(path));
    }

    public async Task<JsonDocument> StateAsync()
    {
        using var http = new HttpClient();
        var body = await http.GetStringAsync(new Uri(Host.BaseUrl, "/__simulator/state"));
        return JsonDocument.Parse(body);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients) client.Dispose();
        await Host.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

/// <summary>Every id in a sync file, read back with the streaming reader.</summary>
public sealed class SyncContents
{
    public required List<Model.Resource> Resources { get; init; }
    public required List<Model.Entitlement> Entitlements { get; init; }
    public required List<Model.Grant> Grants { get; init; }
    public required SyncFileTrailer Trailer { get; init; }
    public required SyncFileHeader Header { get; init; }

    public SortedSet<string> ResourceIds => new(Resources.Select(r => r.Id.ToString()), StringComparer.Ordinal);
    public SortedSet<string> EntitlementIds => new(Entitlements.Select(e => e.Id), StringComparer.Ordinal);
    public SortedSet<string> GrantIds => new(Grants.Select(g => g.Id), StringComparer.Ordinal);

    public static SyncContents Read(string path)
    {
        using var reader = SyncFileReader.Open(path);
        return new SyncContents
        {
            Header = reader.Header,
            Resources = reader.ReadResources().ToList(),
            Entitlements = reader.ReadEntitlements().ToList(),
            Grants = reader.ReadGrants().ToList(),
            Trailer = reader.ReadTrailer(),
        };
    }
}
