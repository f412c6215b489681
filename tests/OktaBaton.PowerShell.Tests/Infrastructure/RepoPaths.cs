namespace OktaBaton.PowerShell.Tests.Infrastructure;

/// <summary>Where the built module lives: tests import exactly what users import.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ModuleDirectory => Path.Combine(Root, "out", "OktaBaton");

    public static string ModuleManifest => Path.Combine(ModuleDirectory, "OktaBaton.psd1");

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
