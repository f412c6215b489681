using System.Management.Automation;
using System.Reflection;
using OktaBaton.PowerShell.Tests.Infrastructure;

namespace OktaBaton.PowerShell.Tests.Module;

/// <summary>
/// What every cmdlet returns reads as text and serializes as names: each output type has its own string form (a
/// failing Should or "$record" names people, not a .NET type), and no property, however deep, is an enum (ConvertTo-Json
/// writes an enum as a number on PowerShell 5.1 and, without -EnumsAsStrings, on 7).
/// </summary>
public sealed class OutputRecordTests
{
    private static IReadOnlyList<Type> OutputTypes()
    {
        using var session = new ModuleSession();
        var run = session.Run("Get-Command -Module OktaBaton | ForEach-Object { $_.OutputType.Type }");
        run.AssertNoErrors();
        var types = run.Output.Select(o => o?.BaseObject).OfType<Type>().Where(t => t != typeof(PSObject)).Distinct().ToList();
        Assert.True(types.Count >= 15, $"only {types.Count} output types found");
        return types;
    }

    [Fact]
    public void EveryOutputTypeHasItsOwnStringForm()
    {
        var without = OutputTypes()
            .Where(type => type.GetMethod(nameof(ToString), BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes)!.DeclaringType == typeof(object))
            .Select(type => type.FullName)
            .ToList();
        Assert.Empty(without);
    }

    [Fact]
    public void NoOutputPropertyIsAnEnum()
    {
        var enums = new List<string>();
        var seen = new HashSet<Type>();

        void Walk(Type type, string path)
        {
            if (!seen.Add(type)) return;
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var valueType = Element(property.PropertyType);
                if (valueType.IsEnum) enums.Add($"{path}.{property.Name} ({valueType.Name})");
                else if (valueType.Namespace?.StartsWith("OktaBaton", StringComparison.Ordinal) == true) Walk(valueType, $"{path}.{property.Name}");
            }
        }

        foreach (var type in OutputTypes()) Walk(type, type.Name);
        Assert.Empty(enums);
    }

    /// <summary>The type a property's values have: T of T?, T[] and generic collections (a dictionary's value type).</summary>
    private static Type Element(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) return Element(type.GetElementType()!);
        return type.IsGenericType && type != typeof(string) ? Element(type.GetGenericArguments()[^1]) : type;
    }
}
