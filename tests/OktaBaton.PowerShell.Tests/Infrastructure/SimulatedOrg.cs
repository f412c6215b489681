using System.Net;
using System.Security;
using System.Text.Json;
using OktaBaton.Simulator;

namespace OktaBaton.PowerShell.Tests.Infrastructure;

/// <summary>
/// The simulator's demo org on a free loopback port, with one token per permission profile.
/// Tests that change the org use their own instance (<see cref="StartAsync"/>); read-only tests share one.
/// </summary>
public sealed class SimulatedOrg : IAsyncLifetime
{
    public const string SuperAdminToken = "00superAdminTestTokenValue-9f3c1a";
    public const string ReadOnlyToken = "00readOnlyTestTokenValue-77ab20";
    public const string CustomReadOnlyToken = "00customReadOnlyTestTokenValue-5d1e";
    public const string AppAndGroupAdminToken = "00appGroupAdminTestTokenValue-c0ffee";

    private SimulatorHost? _host;

    public SimulatorHost Host => _host ?? throw new InvalidOperationException("not started");

    public string Domain => Host.Domain;

    public static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;

    public static async Task<SimulatedOrg> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var org = new SimulatedOrg();
        await org.StartCoreAsync(configure);
        return org;
    }

    public Task InitializeAsync() => StartCoreAsync(null);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>The org's whole state as the simulator sees it — the independent truth for assertions.</summary>
    public async Task<JsonDocument> StateAsync()
    {
        using var http = new HttpClient { BaseAddress = Host.BaseUrl };
        var json = await http.GetStringAsync("/__simulator/state");
        return JsonDocument.Parse(json);
    }

    private async Task StartCoreAsync(Action<SimulatorOptions>? configure)
    {
        var options = new SimulatorOptions { Org = "demo" };
        options.Tokens.Add(new SimulatorToken(SuperAdminToken, "super-admin"));
        options.Tokens.Add(new SimulatorToken(ReadOnlyToken, "read-only"));
        options.Tokens.Add(new SimulatorToken(CustomReadOnlyToken, "custom-read-only"));
        options.Tokens.Add(new SimulatorToken(AppAndGroupAdminToken, "read-only+app-admin+group-admin"));
        configure?.Invoke(options);
        _host = await SimulatorHost.StartAsync(options);
    }
}
