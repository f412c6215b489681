using System;
using System.Threading;

namespace OktaBaton.Core;

/// <summary>Sets an <see cref="AsyncLocal{T}"/> for the work started from here on; disposing puts the previous value back.</summary>
internal static class AsyncLocalScope
{
    public static IDisposable Set<T>(AsyncLocal<T> local, T value)
    {
        var previous = local.Value;
        local.Value = value;
        return new Restore<T>(local, previous);
    }

    private sealed class Restore<T>(AsyncLocal<T> local, T previous) : IDisposable
    {
        public void Dispose() => local.Value = previous;
    }
}
