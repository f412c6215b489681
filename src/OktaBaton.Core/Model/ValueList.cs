using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;

namespace OktaBaton.Core.Model;

/// <summary>
/// A list of strings on an output record that reads as one "a; b" string where a single value is expected
/// (Export-Csv, string interpolation) and stays a list for -contains, foreach and ConvertTo-Json.
/// </summary>
public sealed class ValueList : ReadOnlyCollection<string>
{
    public static readonly ValueList Empty = new(new List<string>());

    public ValueList(IEnumerable<string> values)
        : base(values.ToList())
    {
    }

    public override string ToString() => string.Join("; ", this);
}
