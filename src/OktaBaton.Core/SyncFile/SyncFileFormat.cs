namespace OktaBaton.Core.SyncFile;

/// <summary>
/// The sync file container. Version 2 carries the sync's outcome (completedAt, warnings, stats) in its header, before
/// the sections, and closes with an end marker naming the sync id, so a reader knows cheaply whether the file is whole.
/// </summary>
public static class SyncFileFormat
{
    public const string Name = "oktabaton.sync";
    public const int Version = 2;

    internal const string FormatProperty = "format";
    internal const string VersionProperty = "version";
    internal const string Resources = "resources";
    internal const string Entitlements = "entitlements";
    internal const string Grants = "grants";
    internal const string End = "end";

    /// <summary>Header properties every sync file has; others may be added without a new version.</summary>
    internal static readonly string[] RequiredHeader =
        { "syncId", "startedAt", "completedAt", "org", "options", "resourceTypes", "warnings", "stats" };
}
