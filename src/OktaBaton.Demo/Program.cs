using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Security.Cryptography;
using OktaBaton.Simulator;

namespace OktaBaton.Demo;

/// <summary>
/// Starts the simulator's demo org in-process, hosts PowerShell with out/OktaBaton imported, and runs
/// demo.ps1 against it — the same script a pwsh user can run against a real or simulated org.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var root = FindRepoRoot();
        var manifest = Path.Combine(root, "out", "OktaBaton", "OktaBaton.psd1");
        if (!File.Exists(manifest))
        {
            await Console.Error.WriteLineAsync($"The module is not built: {manifest} is missing. Run 'dotnet build OktaBaton.sln' first.");
            return 1;
        }

        var token = "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var options = new SimulatorOptions { Org = "demo" };
        options.Tokens.Add(new SimulatorToken(token));
        await using var simulator = await SimulatorHost.StartAsync(options);
        Console.WriteLine($"Simulated Okta org 'demo' listening on {simulator.BaseUrl}");

        var path = args.Length > 0 ? Path.GetFullPath(args[0]) : Path.Combine(Environment.CurrentDirectory, "demo-sync.json");
        return RunScript(manifest, Path.Combine(AppContext.BaseDirectory, "demo.ps1"), simulator.Domain, token, path);
    }

    private static int RunScript(string manifest, string script, string domain, string token, string path)
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(manifest);
        using var runspace = RunspaceFactory.CreateRunspace(state);
        runspace.Open();
        using var shell = PowerShell.Create();
        shell.Runspace = runspace;
        shell.AddCommand(script)
            .AddParameter("Domain", domain)
            .AddParameter("ApiToken", new NetworkCredential(string.Empty, token).SecurePassword)
            .AddParameter("Path", path);

        shell.Streams.Warning.DataAdded += (_, e) => Console.WriteLine("WARNING: " + shell.Streams.Warning[e.Index].Message);
        shell.Streams.Error.DataAdded += (_, e) => Console.Error.WriteLine("ERROR: " + shell.Streams.Error[e.Index]);
        var output = new PSDataCollection<PSObject>();
        output.DataAdded += (_, e) => Console.WriteLine(output[e.Index]?.ToString());

        try
        {
            shell.Invoke(null, output);
        }
        catch (RuntimeException ex)
        {
            Console.Error.WriteLine("ERROR: " + ex.Message);
            return 1;
        }

        return shell.HadErrors ? 1 : 0;
    }

    private static string FindRepoRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "OktaBaton.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("Run the demo from the OktaBaton repository.");
        }

        return dir;
    }
}
