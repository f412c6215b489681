using System.Reflection;

namespace OktaBaton.Pester.Tests;

/// <summary>Where the Pester files, the built module, Pester itself and the pwsh side of the harness live.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>tests/pester: every *.Tests.ps1 below it is run.</summary>
    public static string PesterDirectory => Path.Combine(Root, "tests", "pester");

    /// <summary>out/: holds the built module folder OktaBaton, so pwsh imports it by name.</summary>
    public static string ModulesOut => Path.Combine(Root, "out");

    /// <summary>The test-only module path the build copies Pester into (bin/…/modules/Pester).</summary>
    public static string TestModules => Path.Combine(AppContext.BaseDirectory, "modules");

    public static string HostScript => Path.Combine(Root, "tests", "OktaBaton.Pester.Tests", "PesterHost.ps1");

    public static string PesterVersion { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PesterVersion").Value!;

    private static string FindRoot()
    {
        var dir = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(dir, "OktaBaton.sln")))
        {
            dir = Path.GetDirectoryName(dir) ?? throw new InvalidOperationException("OktaBaton.sln not found above " + AppContext.BaseDirectory);
        }

        return dir;
    }
}
