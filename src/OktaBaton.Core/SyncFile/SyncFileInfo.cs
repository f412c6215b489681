using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// What a sync file is: which org, when, with which options, how much it holds, and whether the sync read everything
/// (<see cref="IsComplete"/>: no warnings) — so a CI check can refuse to pass on a file that cannot vouch for the org.
/// </summary>
public sealed class SyncFileInfo
{
    private SyncFileInfo(SyncFileHandle file)
    {
        var header = file.Header;
        var trailer = file.Trailer;
        Path = file.Path;
        Format = SyncFileFormat.Name;
        Version = SyncFileFormat.Version;
        SyncId = header.SyncId;
        Org = header.Domain;
        StartedAt = header.StartedAt;
        CompletedAt = trailer.CompletedAt;
        Duration = trailer.CompletedAt - header.StartedAt;
        Options = header.Options.ToDictionary();
        ResourceTypes = new ValueList(header.ResourceTypes.Select(t => t.Id));
        Counts = new SortedDictionary<string, long>(trailer.Stats.ResourceCounts.ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        Resources = trailer.Stats.ResourceCounts.Values.Sum();
        Entitlements = trailer.Stats.Entitlements;
        Grants = trailer.Stats.Grants;
        Requests = trailer.Stats.Requests;
        Retries = trailer.Stats.Retries;
        Warnings = new ValueList(trailer.Warnings.Select(w => w.Message));
        IsComplete = trailer.Warnings.Count == 0;
        RefreshedFrom = header.RefreshedFrom;
    }

    /// <summary>Opens and validates the file (a cut, malformed or foreign file fails as any query does), then describes it.</summary>
    public static SyncFileInfo Read(string path, CancellationToken cancellationToken = default)
    {
        using var file = SyncFileHandle.Open(path, cancellationToken: cancellationToken);
        return new SyncFileInfo(file);
    }

    public string Path { get; }

    public string Format { get; }

    public int Version { get; }

    public string SyncId { get; }

    /// <summary>The org's domain.</summary>
    public string Org { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset CompletedAt { get; }

    public TimeSpan Duration { get; }

    /// <summary>The sync's options (SyncCustomRoles, EmailDomains, …) as the file records them.</summary>
    public Dictionary<string, object?> Options { get; }

    public ValueList ResourceTypes { get; }

    /// <summary>Resource type → resources of that type in the file.</summary>
    public SortedDictionary<string, long> Counts { get; }

    public long Resources { get; }

    public long Entitlements { get; }

    public long Grants { get; }

    public long Requests { get; }

    public long Retries { get; }

    /// <summary>What the sync could not read (a permission it lacked…): those grants are unknown, not absent.</summary>
    public ValueList Warnings { get; }

    /// <summary>True when the sync read everything it set out to: no warnings.</summary>
    public bool IsComplete { get; }

    /// <summary>Incremental when the file was refreshed from an earlier one (see <see cref="RefreshedFrom"/>), else Full.</summary>
    public string Mode => RefreshedFrom is null ? "Full" : "Incremental";

    /// <summary>The sync id of the earlier file a refresh carried unchanged access from; null for a full sync.</summary>
    public string? RefreshedFrom { get; }

    /// <summary>"Sync of acme.okta.com at 2026-11-30 16:43 UTC: complete, 253 users, …, 812 grants".</summary>
    public override string ToString() =>
        $"Sync of {Org} at {CompletedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC: {(IsComplete ? "complete" : $"incomplete ({Warnings.Count} warnings)")}, "
        + string.Join(", ", Counts.Select(p => $"{p.Value} {p.Key}")) + $", {Entitlements} entitlements, {Grants} grants";
}
