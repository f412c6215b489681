using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using OktaBaton.Core.Model;
using OktaBaton.Core.Provisioning;

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
