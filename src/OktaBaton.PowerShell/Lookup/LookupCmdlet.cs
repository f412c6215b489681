using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>
/// Base of the live-read cmdlets: streams an engine listing to the pipeline page by page, honouring -First/-Skip
/// (SupportsPaging) and stopping the listing — no further requests — as soon as enough was written.
/// </summary>
public abstract class LookupCmdlet : OktaConnectedCmdlet
{
    private ulong _skipped;
    private ulong _written;

    /// <summary>Writes every item of <paramref name="listing"/>; a failure is this pipeline item's error.</summary>
    protected void Stream<T>(object? target, string? subject, Func<OktaConnection, CancellationToken, IAsyncEnumerable<T>> listing)
    {
        var connection = ResolveConnection();
        RunForItem(target, subject, async context =>
        {
            if (Enough)
            {
                return;
            }

            await foreach (var item in listing(connection, context.CancellationToken).ConfigureAwait(false))
            {
                if (_skipped < Skip)
                {
                    _skipped++;
                    continue;
                }

                context.WriteObject(item);
                _written++;
                if (Enough)
                {
                    return;
                }
            }
        });
    }

    private ulong Skip => PagingParameters is { } paging ? paging.Skip : 0;

    private bool Enough => PagingParameters is { } paging && _written >= paging.First;
}
