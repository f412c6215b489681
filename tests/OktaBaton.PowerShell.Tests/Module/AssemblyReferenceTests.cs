using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

/// <summary>
/// PowerShell loads its own copies of shared assemblies first; a module that needs a newer version of one
/// fails to load. The floor we support is PowerShell 7.4 on .NET 8 (and Windows PowerShell 5.1, where
/// netstandard2.0 dependencies are served from the module folder).
/// </summary>
public sealed class AssemblyReferenceTests
{
    private static readonly Version DotNet8Framework = new(8, 0, 0, 0);

    // Assemblies PowerShell 7.4 ships beside the .NET 8 shared framework that a module might also reference.
    private static readonly Dictionary<string, Version> ShippedByPowerShell74 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["System.Management.Automation"] = new(7, 4, 0, 0),
        ["Microsoft.Bcl.AsyncInterfaces"] = new(8, 0, 0, 0),
        ["Newtonsoft.Json"] = new(13, 0, 0, 0),
        ["netstandard"] = new(2, 1, 0, 0),
        ["mscorlib"] = new(4, 0, 0, 0),
    };

    public static TheoryData<string> ModuleAssemblies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(RepoPaths.ModuleDirectory, "*.dll").Order())
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ModuleAssemblies))]
    public void NothingInTheModuleNeedsANewerAssemblyThanPowerShell74Ships(string fileName)
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.ModuleDirectory, fileName));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var self = metadata.GetAssemblyDefinition();

        CheckAgainstFloor(metadata.GetString(self.Name), self.Version, "the module ships");
        foreach (var handle in metadata.AssemblyReferences)
        {
            var reference = metadata.GetAssemblyReference(handle);
            var name = metadata.GetString(reference.Name);
            CheckAgainstFloor(name, reference.Version, fileName + " references");
            Assert.True(
                Ceiling(name) is not null || File.Exists(Path.Combine(RepoPaths.ModuleDirectory, name + ".dll")),
                $"{fileName} references {name}, which neither PowerShell 7.4 provides nor the module folder holds");
        }
    }

    [Fact]
    public void TheEngineHasNoPowerShellReference()
    {
        using var stream = File.OpenRead(Path.Combine(RepoPaths.ModuleDirectory, "OktaBaton.Core.dll"));
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var names = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();

        Assert.Contains("System.Text.Json", names);
        Assert.DoesNotContain("System.Management.Automation", names);
    }

    private static void CheckAgainstFloor(string name, Version version, string context)
    {
        var ceiling = Ceiling(name);
        if (ceiling is not null)
        {
            Assert.True(version <= ceiling, $"{context} {name} {version}, newer than the {ceiling} PowerShell 7.4 loads");
        }
    }

    private static Version? Ceiling(string name)
    {
        if (ShippedByPowerShell74.TryGetValue(name, out var shipped))
        {
            return shipped;
        }

        var isFramework = name.StartsWith("System.", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.Win32.", StringComparison.Ordinal)
            || name is "Microsoft.CSharp" or "Microsoft.VisualBasic";
        return isFramework ? DotNet8Framework : null;
    }
}
