using System;

namespace OktaBaton.Core.Okta.RateLimiting;

/// <summary>One request a <see cref="BucketPacer"/> let through.</summary>
internal sealed class PacingTicket
{
    public PacingTicket(DateTimeOffset admittedAt, bool isProbe)
    {
        AdmittedAt = admittedAt;
        IsProbe = isProbe;
    }

    public DateTimeOffset AdmittedAt { get; }

    /// <summary>Sent alone to learn a window's limit and reset; the bucket's other requests wait for its answer.</summary>
    public bool IsProbe { get; }

    public bool SawRateLimit { get; set; }

    public bool Completed { get; set; }
}
