using System.Collections.Generic;
using System.Threading.Tasks;

namespace OktaBaton.Core.Sync;

internal static class AsyncSequence
{
    public static async IAsyncEnumerable<T> From<T>(IEnumerable<T> items)
    {
        foreach (var item in items) yield return item;
        await Task.CompletedTask.ConfigureAwait(false);
    }
}
