using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;
using OktaBaton.Core.Sync.Incremental;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync;

/// <summary>What the syncers of one run share: the client, the options, the writer, warnings and lazily fetched lists.</summary>
internal sealed class SyncContext
{
    private readonly List<SyncWarning> _warnings = new();
    private readonly HashSet<string> _unreadableMembers = new(StringComparer.Ordinal);
    private readonly ISyncProgress? _progress;
    private readonly IReadOnlyList<string> _selected;
    private readonly SyncFileWriter _file;
    private readonly AsyncLocal<ISyncFileSink?> _lane = new();
    private Task<List<OktaResourceSet>>? _resourceSets;

    public SyncContext(OktaClient client, SyncOptions options, SyncFileWriter writer, ISyncProgress? progress, RefreshState? refresh = null)
    {
        Client = client;
        Refresh = refresh;
        Options = options;
        _file = writer;
        _progress = progress;
        _selected = options.SelectedResourceTypes();
        Users = new UserFilter(options);
        AdminAssignments = new AdminAssignments(this);
    }

    public OktaClient Client { get; }

    public SyncOptions Options { get; }

    /// <summary>Where the running syncer writes: its own lane of the file when syncers run side by side.</summary>
    public ISyncFileSink Writer => _lane.Value ?? _file;

    /// <summary>The running syncer's lane, for what a refresh carries over from the earlier file.</summary>
    public SyncFileLane Lane => _lane.Value as SyncFileLane ?? throw new InvalidOperationException("A syncer carries over only into its own lane.");

    /// <summary>Set when this sync refreshes an earlier file rather than reading everything.</summary>
    public RefreshState? Refresh { get; }

    /// <summary>Sends this async flow's writes (and those of the tasks it starts) to <paramref name="lane"/>.</summary>
    public void WriteTo(ISyncFileSink lane) => _lane.Value = lane;

    /// <summary>
    /// True when no syncer's grants depend on what another keeps (no user filter, no group selection), so
    /// the users, the groups (with roles after them) and the apps may be synced side by side.
    /// </summary>
    public bool SyncersAreIndependent => !Users.IsActive && !Options.SkipAppGroups && Options.GroupNameFilter is null;

    public UserFilter Users { get; }

    public AdminAssignments AdminAssignments { get; }

    /// <summary>Ids of the groups this sync keeps, once the group listing has run (null before: every group counts).</summary>
    public HashSet<string>? KeptGroupIds { get; set; }

    /// <summary>Groups whose roles must be read: those whose stats say they hold admin privilege, or every group without stats.</summary>
    public List<string>? AdminGroupCandidates { get; set; }

    /// <summary>Whether a group's members are in the file, so that its grants show who holds them through it.</summary>
    public bool GroupShowsMembers(string groupId) => IsSelected(ResourceTypes.Group) && KeepsGroupId(groupId) && !GroupMembersUnreadable(groupId);

    public bool GroupMembersUnreadable(string groupId)
    {
        lock (_unreadableMembers) return _unreadableMembers.Contains(groupId);
    }

    public void MarkMembersUnreadable(string groupId)
    {
        lock (_unreadableMembers) _unreadableMembers.Add(groupId);
    }

    /// <summary>True while the groups are synced side by side with the apps: which groups' members prove unreadable is not known yet.</summary>
    public bool GroupMembersMayStillFail => SyncersAreIndependent && IsSelected(ResourceTypes.Group);

    /// <summary>Apps whose group-scoped users were taken as shown by their groups before the groups' sync finished, in file order.</summary>
    public List<(ResourceId App, IReadOnlyList<string> GroupIds)> GroupScopedApps { get; } = new();

    public void RecordGroupScopedApp(ResourceId app, IReadOnlyList<string> groupIds)
    {
        lock (GroupScopedApps) GroupScopedApps.Add((app, groupIds));
    }

    /// <summary>Custom role id → label, once the custom-role listing has run.</summary>
    public Dictionary<string, string> CustomRoleLabels { get; } = new(StringComparer.Ordinal);

    public int Degree => Options.MaxConcurrency;

    public bool IsSelected(string resourceType) => _selected.Contains(resourceType, StringComparer.Ordinal);

    public bool KeepsGroupId(string groupId) => KeptGroupIds is null || KeptGroupIds.Contains(groupId);

    public bool KeepsPrincipal(ResourceId principal) => principal.ResourceType switch
    {
        ResourceTypes.User => Users.KeepsUserId(principal.Resource),
        ResourceTypes.Group => KeepsGroupId(principal.Resource),
        _ => true,
    };

    /// <summary>
    /// The warnings in a fixed order (path, code, message), not the order syncers running side by side happened to
    /// meet them: the same org gives the same file.
    /// </summary>
    public IReadOnlyList<SyncWarning> Warnings
    {
        get
        {
            lock (_warnings)
            {
                return _warnings
                    .OrderBy(w => w.Path ?? string.Empty, StringComparer.Ordinal)
                    .ThenBy(w => w.Code, StringComparer.Ordinal)
                    .ThenBy(w => w.Message, StringComparer.Ordinal)
                    .ToList();
            }
        }
    }

    /// <summary>Progress reaches the sink one call at a time, even from syncers running side by side.</summary>
    public void Report(string phase, long done, long? total = null)
    {
        if (_progress is null) return;
        lock (_warnings) _progress.Report(phase, done, total);
    }

    /// <summary>
    /// Records a warning. A refresh stops at the first: a full sync of the same org would warn about everything it could
    /// not read, carried or not, and only a full sync can find all of that.
    /// </summary>
    public void Warn(SyncWarning warning)
    {
        if (Refresh is not null) throw new FullSyncNeededException("the refresh met a warning, and only a full sync finds everything that warning may apply to: " + warning.Message);
        lock (_warnings)
        {
            _warnings.Add(warning);
            _progress?.Warn(warning);
        }
    }

    /// <summary>
    /// Lists everything at <paramref name="relativeUrl"/>, or returns null after recording a warning when the
    /// token may not read it (403): the caller then writes no grants for it, and the file says why.
    /// </summary>
    public async Task<List<T>?> TryListAsync<T>(string relativeUrl, ResourceId? about, string what, CancellationToken ct, string? iamArrayProperty = null)
    {
        var items = new List<T>();
        try
        {
            var source = iamArrayProperty is null
                ? Client.ListAsync<T>(relativeUrl, ct)
                : Client.ListIamAsync<T>(relativeUrl, iamArrayProperty, ct);
            await foreach (var item in source.ConfigureAwait(false)) items.Add(item);
            return items;
        }
        catch (OktaApiException ex) when (ex.IsPermissionDenied)
        {
            WarnPermissionDenied(ex, relativeUrl, about, what);
            return null;
        }
    }

    /// <summary>
    /// The ids of the items at <paramref name="relativeUrl"/> (members of a group), or null after recording a warning
    /// when the token may not read them (403), as <see cref="TryListAsync{T}"/>.
    /// </summary>
    public Task<List<string>?> TryListIdsAsync(string relativeUrl, ResourceId? about, string what, CancellationToken ct) =>
        TryListPagesAsync(relativeUrl, about, what, Client.ListIdPagesAsync, ct);

    /// <summary>Every item of the pages <paramref name="pages"/> reads from <paramref name="relativeUrl"/>, or null after a warning on 403.</summary>
    public async Task<List<T>?> TryListPagesAsync<T>(string relativeUrl, ResourceId? about, string what,
        Func<string, CancellationToken, IAsyncEnumerable<IReadOnlyList<T>>> pages, CancellationToken ct)
    {
        List<T>? items = null;
        try
        {
            await foreach (var page in pages(relativeUrl, ct).ConfigureAwait(false))
            {
                if (items is null) items = page as List<T> ?? new List<T>(page);
                else items.AddRange(page);
            }
            return items ?? new List<T>();
        }
        catch (OktaApiException ex) when (ex.IsPermissionDenied)
        {
            WarnPermissionDenied(ex, relativeUrl, about, what);
            return null;
        }
    }

    public void WarnPermissionDenied(OktaApiException ex, string relativeUrl, ResourceId? about, string what)
    {
        var path = relativeUrl.Split('?')[0];
        Warn(new SyncWarning(SyncWarning.PermissionDenied,
            $"Could not read {what}: permission denied ({ex.ErrorCode ?? "HTTP " + ex.StatusCode} on GET {path}){ScopeHint(ex)}. Those grants are missing from the file, not empty.",
            about, path, ex.ErrorCode));
    }

    private static string ScopeHint(OktaApiException ex) =>
        ex.MissingScope is null ? string.Empty : $"; the OAuth token lacks scope '{ex.MissingScope}': grant it to the service app and connect with -Scope including it";

    public void WriteGrant(string entitlementId, ResourceId principal, IReadOnlyList<string>? expandable = null, GrantScope? scope = null,
        IReadOnlyList<string>? inheritedThrough = null)
    {
        if (KeepsPrincipal(principal)) Writer.WriteGrant(new Grant(entitlementId, principal, expandable, scope, inheritedThrough));
    }

    /// <summary>Grants of one entitlement to users listed by id (members of a group, users of an app), written in one go.</summary>
    public void WriteUserGrants(string entitlementId, IReadOnlyList<string> userIds)
    {
        if (!Users.IsActive)
        {
            Writer.WriteGrants(entitlementId, ResourceTypes.User, userIds);
            return;
        }
        var kept = new List<string>(userIds.Count);
        foreach (var id in userIds)
        {
            if (Users.KeepsUserId(id)) kept.Add(id);
        }
        Writer.WriteGrants(entitlementId, ResourceTypes.User, kept);
    }

    /// <summary>A grant to a group its members inherit: expandable through the group's member entitlement.</summary>
    public void WriteGroupGrant(string entitlementId, string groupId, GrantScope? scope = null)
    {
        var group = new ResourceId(ResourceTypes.Group, groupId);
        WriteGrant(entitlementId, group, new[] { EntitlementIds.Create(group, EntitlementSlugs.Member) }, scope);
    }

    /// <summary>The resource sets, listed once for both the resource-set and the binding syncers.</summary>
    public Task<List<OktaResourceSet>> GetResourceSetsAsync(CancellationToken ct)
    {
        lock (_warnings) return _resourceSets ??= ListResourceSetsAsync(ct);
    }

    private async Task<List<OktaResourceSet>> ListResourceSetsAsync(CancellationToken ct) =>
        await TryListAsync<OktaResourceSet>("/api/v1/iam/resource-sets", null, "the resource sets", ct, "resource-sets").ConfigureAwait(false)
        ?? new List<OktaResourceSet>();

    public static string Escape(string value) => Uri.EscapeDataString(value);
}
