using System;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// Raised while preparing or running a refresh when the change feed cannot prove that the refreshed file would equal a
/// full sync; the engine then runs a full sync and reports <see cref="Exception.Message"/> as the reason.
/// </summary>
internal sealed class FullSyncNeededException : Exception
{
    public FullSyncNeededException(string reason, Exception? inner = null)
        : base(reason, inner)
    {
    }
}
