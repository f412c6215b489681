using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Sync.Incremental;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Turns an Okta org into a sync file: runs one syncer per selected resource type, in file order, and
/// renames the file into place only when every syncer finished. A failure or cancellation leaves the
/// previous file untouched. A refresh runs the same syncers, which carry over from an earlier file whatever the
/// System Log shows unchanged.
/// </summary>
public sealed class SyncEngine
{
    private readonly OktaClient _client;

    public SyncEngine(OktaClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    /// <summary>A full sync of the org to <paramref name="path"/>: every list read from Okta.</summary>
    public async Task<SyncResult> RunAsync(string path, SyncOptions options, ISyncProgress? progress, CancellationToken ct)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        options.Validate();
        using var cost = new Cost(_client);
        return await WriteAsync(path, options, progress, null, cost, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Refreshes <paramref name="previousPath"/> (an earlier sync file of this org, with the same options) into
    /// <paramref name="path"/> (which may be the same file): reads the System Log since the earlier sync, reads again
    /// only what may have changed, and carries the rest over byte for byte — the file a full sync would write. When the
    /// log cannot prove that (see <see cref="SyncResult.ModeReason"/>), runs a full sync instead.
    /// </summary>
    public async Task<SyncResult> RefreshAsync(string path, string previousPath, SyncOptions options, ISyncProgress? progress, CancellationToken ct)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        if (string.IsNullOrWhiteSpace(previousPath)) throw new ArgumentException("The earlier sync file's path is required.", nameof(previousPath));
        options.Validate();
        using var cost = new Cost(_client);
        string reason;
        try
        {
            var planner = new RefreshPlanner(_client, options);
            using var refresh = await planner.PrepareAsync(previousPath, ct).ConfigureAwait(false);
            var logRequests = cost.Requests;
            var result = await WriteAsync(path, options, progress, refresh, cost, ct).ConfigureAwait(false);
            result.RequestsSaved = refresh.RequestsSaved - logRequests;
            return result;
        }
        catch (FullSyncNeededException why)
        {
            reason = why.Message;
        }
        var full = await WriteAsync(path, options, progress, null, cost, ct).ConfigureAwait(false);
        full.ModeReason = reason;
        return full;
    }

    /// <summary>How far back of the earlier sync's start a refresh reads the log: Okta's clock skew and late events.</summary>
    public static TimeSpan ChangeWindowOverlap { get; } = TimeSpan.FromMinutes(10);

    /// <summary>How long Okta keeps System Log events; an earlier file older than that cannot be refreshed.</summary>
    public static TimeSpan LogRetention { get; } = TimeSpan.FromDays(90);

    internal static string WriterName { get; } = "OktaBaton " + InformationalVersion();

    private async Task<SyncResult> WriteAsync(string path, SyncOptions options, ISyncProgress? progress, RefreshState? refresh, Cost cost, CancellationToken ct)
    {
        var selected = options.SelectedResourceTypes();
        var types = new List<ResourceTypeInfo>();
        foreach (var id in selected) types.Add(ResourceTypes.Find(id)!);
        var startedAt = DateTimeOffset.UtcNow;
        var header = new SyncFileHeader(Guid.NewGuid().ToString(), startedAt, _client.Org.Domain, options.ToPropertyBag(), types)
        {
            Writer = WriterName,
            RefreshedFrom = refresh?.Previous.Header.SyncId,
        };

        using var writer = SyncFileWriter.Create(path, header);
        var context = new SyncContext(_client, options, writer, progress, refresh);
        // the client paces every request it sends, this sync's and anyone else's, from one budget per bucket
        _client.AdjustPacing(options.RateLimitShare, options.ThrottleLimit);
        await RunSyncersAsync(context, writer, ct).ConfigureAwait(false);
        if (context.GroupScopedApps.Count > 0)
        {
            context.WriteTo(writer.OpenLane());
            await AppSyncer.ReconcileAsync(context, ct).ConfigureAwait(false);
        }
        // the earlier file is read no more: let go of it before the new one may replace it
        refresh?.Previous.Dispose();

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in selected) counts[id] = 0;
        foreach (var pair in writer.ResourceCounts) counts[pair.Key] = pair.Value;
        var requests = cost.Requests;
        var retries = cost.Retries;
        var warnings = context.Warnings;
        var stats = new SyncStats(requests, retries, (long)cost.Elapsed.TotalMilliseconds, counts, writer.EntitlementCount, writer.GrantCount);
        header.OrgStartedAt = cost.OrgStartedAt;
        writer.Complete(new SyncFileTrailer(DateTimeOffset.UtcNow, warnings, stats), ct);
        return new SyncResult(writer.TargetPath, header.SyncId, counts, writer.EntitlementCount, writer.GrantCount,
            requests, retries, warnings, cost.Elapsed)
        {
            Mode = refresh is null ? SyncMode.Full : SyncMode.Incremental,
            RefreshedFrom = header.RefreshedFrom,
        };
    }

    private static string InformationalVersion()
    {
        var assembly = typeof(SyncEngine).Assembly;
        return assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";
    }

    /// <summary>
    /// What one sync spent, from its start: its own requests and retries (not those of other commands sharing the
    /// connection meanwhile: <see cref="OktaRequestCount"/>), time, and when it started by the org's clock.
    /// </summary>
    private sealed class Cost : IDisposable
    {
        private readonly OktaClient _client;
        private readonly OktaRequestCount _count = OktaRequestCount.Begin();
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly DateTimeOffset _localStart = DateTimeOffset.UtcNow;

        public Cost(OktaClient client) => _client = client;

        public long Requests => _count.Requests;

        public long Retries => _count.Retries;

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>
        /// The local start moved onto the org's clock as its Date headers place it (a whole second, and never later than
        /// the truth: each sample is Date, truncated, less the local time after the answer).
        /// </summary>
        public DateTimeOffset? OrgStartedAt => _client.OrgNow is { } orgNow ? _localStart + (orgNow - DateTimeOffset.UtcNow) : null;

        public void Dispose() => _count.Dispose();
    }

    /// <summary>
    /// Each syncer writes to its own lane of the file, in file order. When no syncer depends on what another keeps,
    /// three chains run side by side — users; groups then roles and the rest; apps — so each Okta rate-limit bucket
    /// is spent at once rather than one after another. Otherwise the syncers run one after another.
    /// </summary>
    private static async Task RunSyncersAsync(SyncContext context, SyncFileWriter writer, CancellationToken ct)
    {
        var wanted = new List<(IResourceSyncer Syncer, SyncFileLane Lane)>();
        foreach (var syncer in Syncers())
        {
            var selected = context.IsSelected(syncer.ResourceType)
                || (syncer.ResourceType == ResourceTypes.User && context.Users.IsActive);
            if (selected) wanted.Add((syncer, writer.OpenLane(OrderOf(syncer.ResourceType))));
        }

        if (!context.SyncersAreIndependent)
        {
            await RunChainAsync(context, wanted, ct).ConfigureAwait(false);
            return;
        }

        static bool IsType(IResourceSyncer syncer, string type) => syncer.ResourceType == type;
        var chains = new[]
        {
            wanted.Where(w => IsType(w.Syncer, ResourceTypes.User)).ToList(),
            wanted.Where(w => !IsType(w.Syncer, ResourceTypes.User) && !IsType(w.Syncer, ResourceTypes.App)).ToList(),
            wanted.Where(w => IsType(w.Syncer, ResourceTypes.App)).ToList(),
        };
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var running = chains.Where(c => c.Count > 0).Select(c => RunChainCancellingOthersAsync(context, c, failed)).ToList();
        try
        {
            await Task.WhenAll(running).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            // a chain cancelled because another failed: report the failure, not the cancellation
            var failure = running.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!).FirstOrDefault();
            if (failure is not null) ExceptionDispatchInfo.Capture(failure).Throw();
            throw;
        }
    }

    private static async Task RunChainCancellingOthersAsync(SyncContext context, List<(IResourceSyncer Syncer, SyncFileLane Lane)> chain,
        CancellationTokenSource failed)
    {
        try
        {
            await RunChainAsync(context, chain, failed.Token).ConfigureAwait(false);
        }
        catch
        {
            failed.Cancel();
            throw;
        }
    }

    private static async Task RunChainAsync(SyncContext context, List<(IResourceSyncer Syncer, SyncFileLane Lane)> chain, CancellationToken ct)
    {
        await Task.Yield();
        foreach (var (syncer, lane) in chain)
        {
            ct.ThrowIfCancellationRequested();
            context.WriteTo(lane);
            await syncer.SyncAsync(context, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Users and groups are the lists a refresh carries over rather than lists again (they are the longest), so their
    /// order is the ids' order, never Okta's listing order: a refreshed file places a new user or group, and its
    /// entitlement and grants, where a full sync would.
    /// </summary>
    private static LaneOrder OrderOf(string resourceType) => resourceType switch
    {
        ResourceTypes.User => LaneOrder.ResourcesById,
        ResourceTypes.Group => LaneOrder.ById,
        _ => LaneOrder.AsWritten,
    };

    /// <summary>In file order; groups run before roles and apps so those know which groups are kept.</summary>
    private static IEnumerable<IResourceSyncer> Syncers()
    {
        yield return new UserSyncer();
        yield return new GroupSyncer();
        yield return new AppSyncer();
        yield return new RoleSyncer();
        yield return new CustomRoleSyncer();
        yield return new ResourceSetSyncer();
        yield return new ResourceSetBindingSyncer();
        yield return new ApiTokenSyncer();
        yield return new DeviceSyncer();
    }
}
