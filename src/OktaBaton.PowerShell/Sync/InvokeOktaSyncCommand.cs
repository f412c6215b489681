using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Diagnostics;
using System.Management.Automation;
using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Sync;

/// <summary>
/// Syncs the connected org into a JSON sync file and returns a summary. Options not passed take their value from
/// baton-okta's environment variables when set (BATON_SYNC_CUSTOM_ROLES, BATON_FILTER_EMAIL_DOMAINS, …); the summary
/// and the file's header say which did.
/// </summary>
[Cmdlet(VerbsLifecycle.Invoke, "OktaSync", HelpUri = HelpLinks.Base + "Invoke-OktaSync.md")]
[OutputType(typeof(OktaSyncSummary))]
public sealed class InvokeOktaSyncCommand : OktaConnectedCmdlet
{
    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = "";

    /// <summary>An earlier sync file of this org, with the same options, to refresh from what changed since (into -Path).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Since { get; set; }

    /// <summary>Refreshes -Path in place from what changed since it was written (a full sync when there is none yet).</summary>
    [Parameter]
    public SwitchParameter Incremental { get; set; }

    [Parameter]
    public SwitchParameter SyncCustomRoles { get; set; }

    [Parameter]
    public SwitchParameter SkipSecondaryEmails { get; set; }

    [Parameter]
    public SwitchParameter SkipAppGroups { get; set; }

    [Parameter]
    public SwitchParameter SyncInactiveApps { get; set; }

    [Parameter]
    public SwitchParameter SyncSecrets { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[] EmailDomain { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? GroupNameFilter { get; set; }

    [Parameter]
    public SwitchParameter SkipDeprovisionedUsers { get; set; }

    /// <summary>Sync devices too (opt-in): serial number, UDID, model, vendor, OS, status, and the users each belongs to.</summary>
    [Parameter]
    public SwitchParameter SyncDevices { get; set; }

    [Parameter]
    [ValidateSet(ResourceTypes.User, ResourceTypes.Group, ResourceTypes.App, ResourceTypes.Role, ResourceTypes.CustomRole,
        ResourceTypes.ResourceSet, ResourceTypes.ResourceSetBinding, ResourceTypes.ApiToken, ResourceTypes.Device)]
    public string[] ResourceType { get; set; } = Array.Empty<string>();

    /// <summary>Also the connection's in-flight cap from this sync on: every use of the connection shares one budget.</summary>
    [Parameter]
    [ValidateRange(1, 64)]
    public int ThrottleLimit { get; set; } = 16;

    /// <summary>Sets the connection's share of the rate limit Okta grants its token, for this sync and whatever else uses the connection.</summary>
    [Parameter]
    [ValidateRange(0.01, 1.0)]
    public double RateLimitShare { get; set; } = 1.0;

    /// <summary>Reproduces the Okta CIAM Workforce connector: -EmailDomain required; users, groups, roles, custom roles.</summary>
    [Parameter]
    public SwitchParameter CiamWorkforce { get; set; }

    /// <summary>Ignore the BATON_* sync settings in the environment (by default they give the options not passed).</summary>
    [Parameter]
    public SwitchParameter IgnoreEnvironment { get; set; }

    /// <summary>The parameter that sets each option <see cref="BatonEnvironment"/> may default.</summary>
    private static readonly Dictionary<string, string> ParameterOf = new(StringComparer.Ordinal)
    {
        ["syncCustomRoles"] = nameof(SyncCustomRoles),
        ["skipSecondaryEmails"] = nameof(SkipSecondaryEmails),
        ["skipAppGroups"] = nameof(SkipAppGroups),
        ["syncInactiveApps"] = nameof(SyncInactiveApps),
        ["syncSecrets"] = nameof(SyncSecrets),
        ["emailDomains"] = nameof(EmailDomain),
        ["groupNameFilter"] = nameof(GroupNameFilter),
        ["resourceTypes"] = nameof(ResourceType),
    };

    protected override void EndProcessing()
    {
        if (Since is not null && Incremental)
        {
            ThrowFailure(new System.ArgumentException("-Since names the earlier file to refresh into -Path, and -Incremental refreshes -Path in place: give one of them."), target: null);
        }
        var connection = ResolveConnection();
        var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
        var options = new SyncOptions
        {
            SyncCustomRoles = SyncCustomRoles,
            SkipSecondaryEmails = SkipSecondaryEmails,
            SkipAppGroups = SkipAppGroups,
            SyncInactiveApps = SyncInactiveApps,
            SyncSecrets = SyncSecrets,
            SkipDeprovisionedUsers = SkipDeprovisionedUsers,
            SyncDevices = SyncDevices,
            GroupNameFilter = GroupNameFilter,
            MaxConcurrency = ThrottleLimit,
            ThrottleLimit = ThrottleLimit,
            RateLimitShare = RateLimitShare,
        };
        foreach (var domain in EmailDomain) options.EmailDomains.Add(domain);
        foreach (var type in ResourceType) options.ResourceTypes.Add(type);
        var fromEnvironment = new List<string>();
        if (!IgnoreEnvironment)
        {
            try
            {
                var defaults = BatonEnvironment.Read(Environment.GetEnvironmentVariable);
                BatonEnvironment.Apply(options, defaults, option => MyInvocation.BoundParameters.ContainsKey(ParameterOf[option]));
                foreach (var setting in defaults.Where(d => options.FromEnvironment.ContainsKey(d.Option)))
                {
                    fromEnvironment.Add($"-{ParameterOf[setting.Option]} from {setting.Variable}={setting.Value}");
                }
            }
            catch (ArgumentException invalid)
            {
                ThrowFailure(invalid, target: null);
            }
        }

        if (CiamWorkforce)
        {
            try
            {
                options.ApplyCiamWorkforcePreset();
            }
            catch (System.ArgumentException invalid)
            {
                ThrowFailure(invalid, target: null);
            }
        }

        var previous = Since is not null ? SessionState.Path.GetUnresolvedProviderPathFromPSPath(Since) : Incremental ? path : null;

        RunTerminating(path, "Sync", async context =>
        {
            foreach (var line in fromEnvironment)
            {
                context.WriteVerbose(line);
            }

            var progress = new ProgressBridge(context);
            var engine = new SyncEngine(connection.Client);
            SyncResult result;
            if (previous is null)
            {
                context.WriteVerbose($"Syncing {connection.Domain} to {path}.");
                result = await engine.RunAsync(path, options, progress, context.CancellationToken).ConfigureAwait(false);
            }
            else
            {
                context.WriteVerbose($"Refreshing {previous} from {connection.Domain}'s System Log into {path}.");
                result = await engine.RefreshAsync(path, previous, options, progress, context.CancellationToken).ConfigureAwait(false);
                context.WriteVerbose(result.Mode == SyncMode.Incremental
                    ? $"Refreshed incrementally; about {result.RequestsSaved} requests fewer than a full sync."
                    : $"Ran a full sync: {result.ModeReason}.");
            }
            progress.Complete();
            context.WriteObject(new OktaSyncSummary(result, fromEnvironment));
        });
    }

    /// <summary>One progress bar per phase (child of the sync's bar), throttled; warnings go to the warning stream.</summary>
    private sealed class ProgressBridge : ISyncProgress
    {
        private const int ParentId = 1;
        private readonly CmdletContext _context;
        private readonly ConcurrentDictionary<string, int> _phaseIds = new(StringComparer.Ordinal);
        private readonly Stopwatch _sinceLast = Stopwatch.StartNew();
        private readonly object _gate = new();

        public ProgressBridge(CmdletContext context) => _context = context;

        public void Report(string phase, long done, long? total)
        {
            var isNew = !_phaseIds.ContainsKey(phase);
            var id = _phaseIds.GetOrAdd(phase, _ => ParentId + 1 + _phaseIds.Count);
            lock (_gate)
            {
                if (!isNew && done != total && _sinceLast.ElapsedMilliseconds < 200) return;
                _sinceLast.Restart();
            }
            var status = total is long all ? $"{done} of {all}" : $"{done}";
            var record = new ProgressRecord(id, phase, status) { ParentActivityId = ParentId };
            if (total is long known && known > 0) record.PercentComplete = (int)Math.Min(100, done * 100 / known);
            _context.WriteProgress(new ProgressRecord(ParentId, "Okta sync", phase));
            _context.WriteProgress(record);
        }

        public void Warn(SyncWarning warning) => _context.WriteWarning(warning.Message);

        public void Complete()
        {
            foreach (var pair in _phaseIds)
            {
                _context.WriteProgress(new ProgressRecord(pair.Value, pair.Key, "Done") { ParentActivityId = ParentId, RecordType = ProgressRecordType.Completed });
            }
            _context.WriteProgress(new ProgressRecord(ParentId, "Okta sync", "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
