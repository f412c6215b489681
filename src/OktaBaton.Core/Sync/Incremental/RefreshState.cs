using System.Threading;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// What a refresh gives its syncers: the earlier file to carry unchanged blocks from, and what the System Log says
/// changed since. Each syncer decides, for what it lists, whether a block can be carried or must be fetched again,
/// and counts the requests a carried block saved.
/// </summary>
internal sealed class RefreshState : System.IDisposable
{
    private long _saved;

    public RefreshState(PreviousSyncFile previous, OrgChanges changes)
    {
        Previous = previous;
        Changes = changes;
    }

    public PreviousSyncFile Previous { get; }

    public OrgChanges Changes { get; }

    /// <summary>Requests a full sync would have sent for what was carried, less the extra ones the refresh sent instead.</summary>
    public long RequestsSaved => Interlocked.Read(ref _saved);

    public void Saved(long requests) => Interlocked.Add(ref _saved, requests);

    public void Dispose() => Previous.Dispose();

    /// <summary>The requests one full listing of <paramref name="items"/> items costs at <paramref name="pageSize"/> a page (one, when empty).</summary>
    public static long Pages(long items, int pageSize) => items <= 0 ? 1 : (items + pageSize - 1) / pageSize;
}
