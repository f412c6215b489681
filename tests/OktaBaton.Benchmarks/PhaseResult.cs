namespace OktaBaton.Benchmarks;

/// <summary>What one phase's child process measured of itself, printed as one JSON line.</summary>
internal sealed class PhaseResult
{
    public string Phase { get; set; } = "";
    public double WallSeconds { get; set; }
    public double CpuSeconds { get; set; }
    /// <summary>VmHWM of the child process: the high-water mark of its resident set, runtime included.</summary>
    public long PeakRssBytes { get; set; }
    public long ClientRequests { get; set; }
    public long ClientRateLimited { get; set; }
    public long Grants { get; set; }
    public long Items { get; set; }
    /// <summary>Refresh: Full or Incremental, and why a full sync ran instead.</summary>
    public string? Mode { get; set; }
    public string? ModeReason { get; set; }
    public long? RequestsSaved { get; set; }
}
