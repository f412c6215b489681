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
        var files = Directory.CreateTempSubdirectory("oktabaton-bench-files-");
        RefreshCheck? refresh = null;
        try
        {
            var before = Path.Combine(files.FullName, "before.json");
            foreach (var phase in options.Phases)
            {
                if (phase == Phase.Refresh)
                {
                    refresh = await RunRefreshAsync(simulator, options, before, files.FullName, runs).ConfigureAwait(false);
                    continue;
                }
                Console.WriteLine($"Running {phase} …");
                var keep = phase == Phase.Sync && options.Phases.Contains(Phase.Refresh) ? new[] { "--output", before } : Array.Empty<string>();
                runs.Add(await RunPhaseAsync(phase, simulator, options, keep).ConfigureAwait(false));
            }
        }
        finally
        {
            files.Delete(recursive: true);
        }

        var report = new Report(options, minimum, runs) { Refresh = refresh };
        report.Print(Console.Out);
        await report.WriteJsonAsync(options.ResultsPath).ConfigureAwait(false);
        Console.WriteLine($"Results: {Path.GetFullPath(options.ResultsPath)}");
        return 0;
    }

    private static async Task<PhaseRun> RunPhaseAsync(string phase, SimulatorProcess simulator, BenchmarkOptions options, params string[] extra)
    {
        var run = await PhaseRun.RunAsync(phase, simulator, options, extra).ConfigureAwait(false);
        run.RateLimitFloorSeconds = RateLimitFloor.Seconds(run.ByBucket, options);
        return run;
    }

    /// <summary>Changes the org, refreshes the sync phase's file, syncs the changed org in full, and compares the two files.</summary>
    private static async Task<RefreshCheck> RunRefreshAsync(SimulatorProcess simulator, BenchmarkOptions options, string before, string directory, List<PhaseRun> runs)
    {
        Console.WriteLine($"Changing {options.ChangeUsers:P1} of the users and {options.ChangeGroups:P1} of the groups …");
        var (users, groups) = await OrgChanger.ApplyAsync(simulator, options).ConfigureAwait(false);
        var refreshed = Path.Combine(directory, "refreshed.json");
        var after = Path.Combine(directory, "after.json");
        Console.WriteLine($"Running {Phase.Refresh} ({users} users and {groups} groups changed) …");
        runs.Add(await RunPhaseAsync(Phase.Refresh, simulator, options, "--since", before, "--output", refreshed).ConfigureAwait(false));
        Console.WriteLine($"Running {Phase.SyncAfter} …");
        runs.Add(await RunPhaseAsync(Phase.SyncAfter, simulator, options, "--output", after).ConfigureAwait(false));
        var (equal, lines, difference) = SyncFileEquality.Compare(after, refreshed);
        return new RefreshCheck(users, groups, equal, lines, difference);
    }
}
