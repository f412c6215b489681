namespace OktaBaton.Benchmarks;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--child") return await Child.RunAsync(args).ConfigureAwait(false);
        if (args.Contains("--help"))
        {
            Console.WriteLine(BenchmarkOptions.Help);
            return 0;
        }

        BenchmarkOptions options;
        try
        {
            options = BenchmarkOptions.Parse(args);
        }
        catch (ArgumentException error)
        {
            await Console.Error.WriteLineAsync(error.Message).ConfigureAwait(false);
            return 2;
        }

        await using var simulator = await SimulatorProcess.StartAsync(options.SimulatorArguments()).ConfigureAwait(false);
        Console.WriteLine($"Simulator on {simulator.BaseUrl} ({string.Join(' ', options.SimulatorArguments())})");
        OrgMinimum minimum;
        await using (var state = await simulator.StateAsync().ConfigureAwait(false))
        {
            minimum = await OrgMinimum.FromStateAsync(state).ConfigureAwait(false);
        }
        Console.WriteLine($"Org: {minimum.Users} users, {minimum.Groups} groups, {minimum.Memberships} memberships, {minimum.ActiveApps} active apps, " +
            $"{minimum.Admins} admins, {minimum.AdminGroups} admin groups; at least {minimum.Total} requests.");

        var runs = new List<PhaseRun>();
        foreach (var phase in options.Phases)
        {
            Console.WriteLine($"Running {phase} …");
            var run = await PhaseRun.RunAsync(phase, simulator, options).ConfigureAwait(false);
            run.RateLimitFloorSeconds = RateLimitFloor.Seconds(run.ByBucket, options);
            runs.Add(run);
        }

        var report = new Report(options, minimum, runs);
        report.Print(Console.Out);
        await report.WriteJsonAsync(options.ResultsPath).ConfigureAwait(false);
        Console.WriteLine($"Results: {Path.GetFullPath(options.ResultsPath)}");
        return 0;
    }
}
