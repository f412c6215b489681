using System.Collections.Generic;

namespace OktaBaton.Core.Okta;

internal sealed class LinkPage<T>
{
    public LinkPage(IReadOnlyList<T> items, string? next)
    {
        Items = items;
        Next = next;
    }

    public IReadOnlyList<T> Items { get; }

    public string? Next { get; }
}
