using System;
using System.Management.Automation;
using OktaBaton.Core.Lookup;

namespace OktaBaton.PowerShell.Lookup;

/// <summary>Reads the System Log: a time window (events dated by the org's clock), filtered; -Follow keeps polling for new events.</summary>
[Cmdlet(VerbsCommon.Get, "OktaLog", SupportsPaging = true, HelpUri = HelpLinks.Base + "Get-OktaLog.md")]
[OutputType(typeof(OktaLogEventRecord))]
public sealed class GetOktaLogCommand : LookupCmdlet
{
    /// <summary>From this time (default: seven days before -Until; with -Follow, the org's now).</summary>
    [Parameter(Position = 0)]
    public DateTime? Since { get; set; }

    /// <summary>Up to this time (default: the org's now).</summary>
    [Parameter]
    public DateTime? Until { get; set; }

    /// <summary>Okta's filter expression on events, e.g. 'target.id eq "00g…"'.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Filter { get; set; }

    /// <summary>Keywords that must all match words of the event (Okta's q).</summary>
    [Parameter]
    [Alias("Keyword")]
    [ValidateNotNullOrEmpty]
    public string? Query { get; set; }

    /// <summary>Only these event types, e.g. group.user_membership.add.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(EventTypeCompleter))]
    public string[]? EventType { get; set; }

    /// <summary>Newest first.</summary>
    [Parameter]
    public SwitchParameter Descending { get; set; }

    /// <summary>Keeps polling Okta's next link for new events until Ctrl+C (or -First) stops it.</summary>
    [Parameter]
    public SwitchParameter Follow { get; set; }

    /// <summary>With -Follow: seconds to wait when no new event came (default 15).</summary>
    [Parameter]
    [ValidateRange(1, 3600)]
    public int PollIntervalSeconds { get; set; } = 15;

    protected override void ProcessRecord()
    {
        var query = new LogQuery
        {
            Since = ToOffset(Since),
            Until = ToOffset(Until),
            Filter = Filter,
            Keywords = Query,
            EventTypes = EventType,
            Descending = Descending.IsPresent,
            Follow = Follow.IsPresent,
            PollInterval = TimeSpan.FromSeconds(PollIntervalSeconds),
        };
        Stream(null, "SystemLog", (connection, ct) => new SystemLogReader(connection.Client).ReadAsync(query, ct));
    }

    /// <summary>A DateTime without a kind is local time, as Get-Date gives it.</summary>
    private static DateTimeOffset? ToOffset(DateTime? value) =>
        value is null ? null : value.Value.Kind == DateTimeKind.Utc ? new DateTimeOffset(value.Value) : new DateTimeOffset(DateTime.SpecifyKind(value.Value, DateTimeKind.Local));
}
