using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OktaBaton.Core.Model;
using OktaBaton.Core.Provisioning;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>Tab completion from a fixed list of values, matched by prefix, case-insensitively.</summary>
public abstract class ValueCompleter : IArgumentCompleter
{
    protected abstract IEnumerable<string> Values { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        return Values
            .Where(value => value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Select(value => new CompletionResult(value, value, CompletionResultType.ParameterValue, value));
    }
}

/// <summary>Completes -RoleType with Okta's standard admin role types.</summary>
public sealed class AdminRoleTypeCompleter : ValueCompleter
{
    protected override IEnumerable<string> Values => AdminRoleTypes.All;
}

/// <summary>Completes -ResourceType with the sync file's resource types.</summary>
public sealed class ResourceTypeCompleter : ValueCompleter
{
    protected override IEnumerable<string> Values => ResourceTypes.All.Select(type => type.Id);
}

/// <summary>
/// Completes ids from the sync file the command reads (-Path, or -DifferencePath / -ReferencePath of Compare-OktaSync):
/// what the file holds, matched on the id, login or name.
/// </summary>
public abstract class SyncFileIdCompleter : IArgumentCompleter
{
    private const int MaxResults = 100;

    protected abstract SyncFileIdKind Kind { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var path = (fakeBoundParameters?["Path"] ?? fakeBoundParameters?["DifferencePath"] ?? fakeBoundParameters?["ReferencePath"]) as string;
        if (string.IsNullOrWhiteSpace(path)) return Array.Empty<CompletionResult>();
        try
        {
            var resolved = ResolvePath(path!);
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return SyncFileCompletions.Complete(resolved!, Kind, prefix, MaxResults)
                .Select(c => new CompletionResult(Lookup.OrgNameCompleter.Quote(c.Value), c.Display, CompletionResultType.ParameterValue, c.Description))
                .ToList();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>The path as the command would resolve it: relative to the session's current location, not the process's.</summary>
    private static string ResolvePath(string path)
    {
        using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
        shell.AddScript("param($p) $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($p)").AddArgument(path);
        var resolved = shell.Invoke<string>();
        return resolved.Count == 1 && !string.IsNullOrEmpty(resolved[0]) ? resolved[0] : path;
    }
}

/// <summary>Completes -PrincipalId with the file's users (by login) and groups.</summary>
public sealed class SyncFilePrincipalCompleter : SyncFileIdCompleter
{
    protected override SyncFileIdKind Kind => SyncFileIdKind.Principal;
}

/// <summary>Completes -ResourceId with the file's resources.</summary>
public sealed class SyncFileResourceCompleter : SyncFileIdCompleter
{
    protected override SyncFileIdKind Kind => SyncFileIdKind.Resource;
}

/// <summary>Completes -EntitlementId with the file's entitlements.</summary>
public sealed class SyncFileEntitlementCompleter : SyncFileIdCompleter
{
    protected override SyncFileIdKind Kind => SyncFileIdKind.Entitlement;
}
