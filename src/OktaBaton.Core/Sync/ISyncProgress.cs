using OktaBaton.Core.Model;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Receives progress while a sync runs. Called from worker threads, possibly concurrently: a front end
/// marshals to its UI thread and throttles as it likes.
/// </summary>
public interface ISyncProgress
{
    /// <summary>
    /// <paramref name="phase"/> names what is fetched ("Users", "Group members", …); <paramref name="done"/> counts
    /// items finished in it; <paramref name="total"/> is known for some phases, else null.
    /// </summary>
    void Report(string phase, long done, long? total);

    /// <summary>Something the sync could not read or finds suspicious; also recorded in the file.</summary>
    void Warn(SyncWarning warning);
}
