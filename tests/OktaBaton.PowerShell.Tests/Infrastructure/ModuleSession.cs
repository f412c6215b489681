using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace OktaBaton.PowerShell.Tests.Infrastructure;

/// <summary>
/// A real PowerShell runspace with out/OktaBaton/OktaBaton.psd1 imported. State (the connection)
/// persists across <see cref="Run"/> calls, as in an interactive session.
/// </summary>
public sealed class ModuleSession : IDisposable
{
    private readonly Runspace _runspace;

    public ModuleSession()
    {
        var state = InitialSessionState.CreateDefault2();
        state.ImportPSModule(RepoPaths.ModuleManifest);
        state.ThrowOnRunspaceOpenError = true;
        _runspace = RunspaceFactory.CreateRunspace(state);
        _runspace.Open();
    }

    /// <summary>Runs a script. Variables are set first; Verbose/Debug preferences switch those streams on.</summary>
    public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null, bool verbose = false, bool debug = false)
    {
        using var shell = System.Management.Automation.PowerShell.Create();
        shell.Runspace = _runspace;
        foreach (var (name, value) in variables ?? new Dictionary<string, object?>())
        {
            _runspace.SessionStateProxy.SetVariable(name, value);
        }

        _runspace.SessionStateProxy.SetVariable("VerbosePreference", verbose ? "Continue" : "SilentlyContinue");
        _runspace.SessionStateProxy.SetVariable("DebugPreference", debug ? "Continue" : "SilentlyContinue");
        _runspace.SessionStateProxy.SetVariable("ProgressPreference", "Continue");
        shell.AddScript(script);

        var errors = new List<ErrorRecord>();
        System.Collections.ObjectModel.Collection<PSObject> output;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException terminating)
        {
            output = [];
            errors.Add(terminating.ErrorRecord);
        }

        errors.InsertRange(0, shell.Streams.Error);
        return new PowerShellRun
        {
            Output = output,
            Errors = errors,
            Warnings = shell.Streams.Warning.Select(w => w.Message).ToList(),
            Verbose = shell.Streams.Verbose.Select(v => v.Message).ToList(),
            Debug = shell.Streams.Debug.Select(d => d.Message).ToList(),
            Progress = shell.Streams.Progress.ToList(),
            Information = shell.Streams.Information.Select(i => i.MessageData?.ToString() ?? string.Empty).ToList(),
        };
    }

    public void Dispose() => _runspace.Dispose();
}
