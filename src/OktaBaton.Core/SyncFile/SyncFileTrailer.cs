using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>What a sync file says after its grants: warnings, completion time and statistics.</summary>
public sealed class SyncFileTrailer
{
    public SyncFileTrailer(DateTimeOffset completedAt, IReadOnlyList<SyncWarning> warnings, SyncStats stats)
    {
        CompletedAt = completedAt;
        Warnings = warnings;
        Stats = stats;
    }

    public DateTimeOffset CompletedAt { get; }

    public IReadOnlyList<SyncWarning> Warnings { get; }

    public SyncStats Stats { get; }
}
