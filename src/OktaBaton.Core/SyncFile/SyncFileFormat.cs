namespace OktaBaton.Core.SyncFile;

public static class SyncFileFormat
{
    public const string Name = "oktabaton.sync";
    public const int Version = 1;
}
