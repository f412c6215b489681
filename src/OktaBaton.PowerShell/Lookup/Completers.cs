using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Threading;
using OktaBaton.Core;
using OktaBaton.Core.Lookup;
using OktaBaton.PowerShell.Connection;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>
/// Completes names from the connected org with one small request (q= the typed prefix, 25 results, 3 seconds at
/// most). Without a connection, or when Okta does not answer in time, it offers nothing rather than waiting.
/// </summary>
public abstract class OrgNameCompleter : IArgumentCompleter
{
    private const int MaxResults = 25;
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    protected abstract LookupKind Kind { get; }

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        var connection = fakeBoundParameters?["Connection"] as OktaConnection ?? ConnectionStore.Current;
        if (connection is null)
        {
            return Array.Empty<CompletionResult>();
        }

        var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        try
        {
            using var timeout = new CancellationTokenSource(Budget);
            var names = new OktaLookup(connection.Client).CompleteAsync(Kind, prefix, MaxResults, timeout.Token).GetAwaiter().GetResult();
            return names
                .Where(name => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(name => new CompletionResult(Quote(name), name, CompletionResultType.ParameterValue, name))
                .ToList();
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return Array.Empty<CompletionResult>();
        }
    }

    /// <summary>A bare word where PowerShell reads one as a string (logins with '@' inside included); quoted otherwise.</summary>
    internal static string Quote(string value) =>
        value.Length > 0 && value.IndexOfAny(new[] { ' ', '\'', '"', '$', '`', '(', ')', '{', '}', ';', ',', '&', '|', '<', '>' }) < 0 && value[0] is not ('@' or '#' or '-')
            ? value
            : "'" + value.Replace("'", "''") + "'";
}

public sealed class UserLoginCompleter : OrgNameCompleter
{
    protected override LookupKind Kind => LookupKind.User;
}

public sealed class GroupNameCompleter : OrgNameCompleter
{
    protected override LookupKind Kind => LookupKind.Group;
}

public sealed class AppLabelCompleter : OrgNameCompleter
{
    protected override LookupKind Kind => LookupKind.App;
}

/// <summary>Completes -EventType with the event types the module's changes produce (Okta's catalogue names).</summary>
public sealed class EventTypeCompleter : Infrastructure.ValueCompleter
{
    protected override IEnumerable<string> Values => KnownEventTypes.All;
}
