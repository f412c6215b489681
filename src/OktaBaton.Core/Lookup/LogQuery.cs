using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Lookup;

/// <summary>Which System Log events to read (GET /api/v1/logs), and whether to keep polling for new ones.</summary>
public sealed class LogQuery
{
    public DateTimeOffset? Since { get; set; }

    public DateTimeOffset? Until { get; set; }

    /// <summary>Okta's SCIM <c>filter</c> on the event (eventType, actor.id, target.id, outcome.result, …).</summary>
    public string? Filter { get; set; }

    /// <summary>Okta's <c>q</c>: keywords that must all match words of the event.</summary>
    public string? Keywords { get; set; }

    /// <summary>Only these event types (joined with <see cref="Filter"/> by "and").</summary>
    public IReadOnlyList<string>? EventTypes { get; set; }

    /// <summary>Newest first (a bounded request); not with <see cref="Follow"/>.</summary>
    public bool Descending { get; set; }

    /// <summary>Events per request (Okta: 1–1000, default 100).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Keep polling Okta's next link for new events until cancelled.</summary>
    public bool Follow { get; set; }

    /// <summary>How long to wait after a page that brought nothing new (Okta recommends polling no faster than needed).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
