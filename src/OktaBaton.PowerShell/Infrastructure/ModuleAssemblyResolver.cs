using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// Windows PowerShell 5.1 has no binding redirects for modules: when .NET Framework asks for a dependency
/// by a version other than the copy in the module folder (System.Memory, System.Text.Json, …), serve
/// the module's own copy. PowerShell 7 resolves from the module folder itself, so this only runs on Desktop.
/// </summary>
public sealed class ModuleAssemblyResolver : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static readonly string ModuleDirectory = Path.GetDirectoryName(typeof(ModuleAssemblyResolver).Assembly.Location) ?? string.Empty;

    private static bool IsDesktop => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    public void OnImport()
    {
        if (IsDesktop)
        {
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
        }
    }

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (IsDesktop)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;
        }
    }

    private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
    {
        var name = new AssemblyName(args.Name).Name;
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var candidate = Path.Combine(ModuleDirectory, name + ".dll");
        return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
    }
}
