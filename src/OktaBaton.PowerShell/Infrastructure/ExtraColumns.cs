using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using OktaBaton.Core;

namespace OktaBaton.PowerShell.Infrastructure;

/// <summary>
/// Profile attributes as New-OktaUser and Set-OktaUser take them: named parameters, -Attribute, and the properties
/// of a pipeline object (a CSV row) that no parameter of the command takes, by name or alias (what
/// -ExtraColumnsAsAttributes turns into attributes). Empty cells are skipped: they change nothing.
/// </summary>
internal static class ExtraColumns
{
    /// <summary>
    /// Adds <paramref name="given"/>, then -Attribute's entries, then (when asked) the input's extra columns to
    /// <paramref name="target"/>; returns the name of an attribute given twice (nothing more is added), else null.
    /// </summary>
    public static string? Collect(IDictionary<string, object?> target, IEnumerable<KeyValuePair<string, object?>> given,
        IDictionary? attribute, bool extraColumns, PSObject? input, CommandInfo command)
    {
        var all = new List<KeyValuePair<string, object?>>(given);
        all.AddRange(FromHashtable(attribute));
        if (extraColumns)
        {
            all.AddRange(Of(input, command));
        }

        foreach (var pair in all)
        {
            if (target.ContainsKey(pair.Key))
            {
                return pair.Key;
            }

            target[pair.Key] = pair.Value;
        }

        return null;
    }

    public static OktaOperationException GivenTwice(string name) =>
        new("OktaInvalidArgument", OktaFailureKind.InvalidArgument, $"The attribute '{name}' is given twice.");

    public static IReadOnlyList<KeyValuePair<string, object?>> Of(PSObject? input, CommandInfo command)
    {
        var extra = new List<KeyValuePair<string, object?>>();
        if (input is null)
        {
            return extra;
        }

        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in command.Parameters.Values)
        {
            taken.Add(parameter.Name);
            foreach (var alias in parameter.Aliases)
            {
                taken.Add(alias);
            }
        }

        foreach (var property in input.Properties)
        {
            if (!property.IsGettable || taken.Contains(property.Name) || property.MemberType is not (PSMemberTypes.NoteProperty or PSMemberTypes.Property))
            {
                continue;
            }

            var value = Unwrap(property.Value);
            if (value is null || (value is string text && text.Trim().Length == 0))
            {
                continue;
            }

            extra.Add(new KeyValuePair<string, object?>(property.Name, value));
        }

        return extra;
    }

    /// <summary>A value as the engine takes it: no PSObject wrappers, object arrays of plain values.</summary>
    public static object? Unwrap(object? value)
    {
        if (value is PSObject wrapped)
        {
            value = wrapped.BaseObject;
        }

        if (value is object[] items)
        {
            var list = new List<object?>(items.Length);
            foreach (var item in items)
            {
                list.Add(Unwrap(item));
            }

            return list;
        }

        return value;
    }

    /// <summary>The entries of a -Attribute hashtable, keys as text, values unwrapped.</summary>
    public static IEnumerable<KeyValuePair<string, object?>> FromHashtable(IDictionary? table)
    {
        if (table is null)
        {
            yield break;
        }

        foreach (DictionaryEntry entry in table)
        {
            yield return new KeyValuePair<string, object?>(entry.Key?.ToString() ?? string.Empty, Unwrap(entry.Value));
        }
    }
}
