using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync;

/// <summary>
/// Turns an Okta org into a sync file: runs one syncer per selected resource type, in file order, and
/// renames the file into place only when every syncer finished. A failure or cancellation leaves the
/// previous file untouched.
/// </summary>
public sealed class SyncEngine
{
    private readonly OktaClient _client;

    public SyncEngine(OktaClient client) => _client = client ?? throw new ArgumentNullException(nameof(client));

    public async Task<SyncResult> RunAsync(string path, SyncOptions options, ISyncProgress? progress, CancellationToken ct)
    {
        if (options is null) throw new ArgumentNullException(nameof(options));
        options.Validate();
        var clock = Stopwatch.StartNew();
        // this sync's own requests, not those of other commands sharing the connection meanwhile
        using var count = OktaRequestCount.Begin();
        var selected = options.SelectedResourceTypes();
        var types = new List<ResourceTypeInfo>();
        foreach (var id in selected) types.Add(ResourceTypes.Find(id)!);
        var header = new SyncFileHeader(Guid.NewGuid().ToString(), DateTimeOffset.UtcNow, _client.Org.Domain, options.ToPropertyBag(), types);

        using var writer = SyncFileWriter.Create(path, header);
        var context = new SyncContext(_client, options, writer, progress);
        // the client paces every request it sends, this sync's and anyone else's, from one budget per bucket
        _client.AdjustPacing(options.RateLimitShare, options.ThrottleLimit);
        await RunSyncersAsync(context, writer, ct).ConfigureAwait(false);
        if (context.GroupScopedApps.Count > 0)
        {
            context.WriteTo(writer.OpenLane());
            await AppSyncer.ReconcileAsync(context, ct).ConfigureAwait(false);
        }

        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var id in selected) counts[id] = 0;
        foreach (var pair in writer.ResourceCounts) counts[pair.Key] = pair.Value;
        var requests = count.Requests;
        var retries = count.Retries;
        var warnings = context.Warnings;
        var stats = new SyncStats(requests, retries, clock.ElapsedMilliseconds, counts, writer.EntitlementCount, writer.GrantCount);
        writer.Complete(new SyncFileTrailer(DateTimeOffset.UtcNow, warnings, stats), ct);
        return new SyncResult(writer.TargetPath, header.SyncId, counts, writer.EntitlementCount, writer.GrantCount,
            requests, retries, warnings, clock.Elapsed);
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
            if (selected) wanted.Add((syncer, writer.OpenLane()));
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
