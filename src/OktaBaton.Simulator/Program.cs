using System.Runtime.InteropServices;

namespace OktaBaton.Simulator;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        SimulatorOptions options;
        try
        {
            options = SimulatorOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            return 2;
        }
        if (options.ShowHelp)
        {
            Console.WriteLine(SimulatorOptions.HelpText);
            return 0;
        }
        var defaultToken = options.Tokens.Count == 0;
        if (defaultToken)
        {
            options.Tokens.Add(new SimulatorToken(SimulatorOptions.DefaultProgramToken));
        }

        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => { context.Cancel = true; stop.Cancel(); });
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => { context.Cancel = true; stop.Cancel(); });

        await using var host = await SimulatorHost.StartAsync(options, stop.Token).ConfigureAwait(false);
        var stdout = Console.Out;
        await stdout.WriteLineAsync($"Listening on {host.BaseUrl.GetLeftPart(UriPartial.Authority)}").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        foreach (var client in options.OAuthClients)
        {
            await Console.Error.WriteLineAsync($"OAuth client {client.ClientId}: key id {client.KeyId}{(client.RequireDPoP ? ", DPoP required" : "")}, scopes {string.Join(" ", client.GrantedScopes)}").ConfigureAwait(false);
        }
        if (defaultToken)
        {
            await Console.Error.WriteLineAsync($"No --token given: accepting the default token '{SimulatorOptions.DefaultProgramToken}' (super-admin).").ConfigureAwait(false);
        }
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        return 0;
    }
}
