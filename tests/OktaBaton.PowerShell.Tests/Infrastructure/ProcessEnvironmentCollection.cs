namespace OktaBaton.PowerShell.Tests.Infrastructure;

/// <summary>Tests that set BATON_* environment variables share the process: they must not run side by side.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}
