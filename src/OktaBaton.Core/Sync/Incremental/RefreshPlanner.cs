using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Lookup;
using OktaBaton.Core.Model;
using OktaBaton.Core.Okta;
using OktaBaton.Core.SyncFile;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>
/// Decides whether an earlier sync file can be refreshed, and gathers what the refresh needs: the earlier file's
/// index and what the System Log says changed since it. Every reason a refresh cannot prove it would equal a full
/// sync is a <see cref="FullSyncNeededException"/>, checked cheapest first so a refused refresh costs little.
/// </summary>
internal sealed class RefreshPlanner
{
    private readonly OktaClient _client;
    private readonly SyncOptions _options;

    public RefreshPlanner(OktaClient client, SyncOptions options)
    {
        _client = client;
        _options = options;
    }

    public async Task<RefreshState> PrepareAsync(string previousPath, CancellationToken ct)
    {
        var (header, trailer) = PreviousSyncFile.ReadHeader(previousPath);
        var since = CheckPrevious(header, trailer);
        var changes = await ReadChangesAsync(since, ct).ConfigureAwait(false);
        if (changes.NotUnderstood is { } eventType)
        {
            throw new FullSyncNeededException(
                $"the System Log has an event of type {eventType}, which a refresh does not understand, so it cannot tell what that changed");
        }
        PreviousSyncFile previous;
        try
        {
            previous = PreviousSyncFile.Open(previousPath, changes.Gone, PrincipalAssignments.GrantTypes);
        }
        catch (SyncFileFormatException invalid)
        {
            throw new FullSyncNeededException("the earlier sync file is not valid: " + invalid.Message, invalid);
        }
        if (previous.Header.SyncId != header.SyncId)
        {
            previous.Dispose();
            throw new FullSyncNeededException("the earlier sync file was replaced while the refresh read it");
        }
        return new RefreshState(previous, changes);
    }

    /// <summary>Checks that the earlier file can be refreshed by this sync; returns where in the log the refresh starts.</summary>
    private DateTimeOffset CheckPrevious(SyncFileHeader header, SyncFileTrailer trailer)
    {
        if (!string.Equals(header.Domain, _client.Org.Domain, StringComparison.OrdinalIgnoreCase))
        {
            throw new FullSyncNeededException($"the earlier sync file is of the org {header.Domain}, not {_client.Org.Domain}");
        }
        if (!string.Equals(header.Writer, SyncEngine.WriterName, StringComparison.Ordinal))
        {
            throw new FullSyncNeededException(
                $"the earlier sync file was written by {header.Writer ?? "an earlier OktaBaton"}, and a refresh carries over only what {SyncEngine.WriterName} writes");
        }
        var differing = DifferingOptions(header.Options, _options.ToPropertyBag());
        if (differing.Count > 0)
        {
            throw new FullSyncNeededException($"the earlier sync file was synced with other options ({string.Join(", ", differing)})");
        }
        if (trailer.Warnings.Count > 0)
        {
            throw new FullSyncNeededException(
                $"the earlier sync file has {trailer.Warnings.Count} warning(s) (\"{trailer.Warnings[0].Message}\"): what it could not read is missing from it, and only a full sync reads that");
        }
        var kept = new List<string>();
        if (_options.EmailDomains.Count > 0) kept.Add("-EmailDomain");
        if (_options.SkipDeprovisionedUsers) kept.Add("-SkipDeprovisionedUsers");
        if (_options.GroupNameFilter is not null) kept.Add("-GroupNameFilter");
        if (kept.Count > 0)
        {
            throw new FullSyncNeededException(
                $"a refresh does not support {string.Join(" or ", kept)}: which users or groups a filter keeps changes with their profiles, and a user or group that enters it brings grants no event names");
        }
        if (header.OrgStartedAt is not { } orgStartedAt)
        {
            throw new FullSyncNeededException("the earlier sync file does not say when it started by the org's clock");
        }
        var since = orgStartedAt - SyncEngine.ChangeWindowOverlap;
        // a day's margin for the clocks: the log must still hold every event since then
        if (since < DateTimeOffset.UtcNow - SyncEngine.LogRetention + TimeSpan.FromDays(1))
        {
            throw new FullSyncNeededException(
                $"the earlier sync file is from {orgStartedAt:u}, and the System Log keeps events for {SyncEngine.LogRetention.TotalDays:0} days only");
        }
        return since;
    }

    private async Task<OrgChanges> ReadChangesAsync(DateTimeOffset since, CancellationToken ct)
    {
        var changes = new OrgChanges(since);
        var query = new LogQuery { Since = since, Filter = ChangeCatalog.QueryFilter, PageSize = 1000 };
        try
        {
            await foreach (var e in new SystemLogReader(_client).ReadAsync(query, ct).ConfigureAwait(false))
            {
                changes.Add(e.EventType, e.ActorId, e.ActorType, e.Target.Select(t => (t.Id, t.Type)));
            }
        }
        catch (OktaApiException failed)
        {
            var why = failed.IsPermissionDenied
                ? $"the connection may not read the System Log (okta.logs.read, or an admin role that can read it): {failed.Message}"
                : $"the System Log could not be read whole: {failed.Message}";
            throw new FullSyncNeededException(why, failed);
        }
        catch (OktaPagingException failed)
        {
            throw new FullSyncNeededException("the System Log could not be read whole: " + failed.Message, failed);
        }
        return changes;
    }

    /// <summary>
    /// The options that differ, as "name: then, now". Where an option's value came from (the command line or a BATON_*
    /// variable) does not change what a sync reads, and the refreshed file records this run's origins anyway.
    /// </summary>
    private static List<string> DifferingOptions(PropertyBag earlier, PropertyBag now)
    {
        var differing = new List<string>();
        foreach (var name in earlier.Select(p => p.Key).Union(now.Select(p => p.Key)).Distinct(StringComparer.Ordinal))
        {
            if (name == "fromEnvironment") continue;
            if (Json(earlier.Get(name)) != Json(now.Get(name))) differing.Add($"{name}: {Json(earlier.Get(name))} then, {Json(now.Get(name))} now");
        }
        return differing;
    }

    private static string Json(object? value)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            new PropertyBag().Set("v", value).WriteTo(writer);
        }
        var text = Encoding.UTF8.GetString(buffer.ToArray());
        // {"v":…}
        return text.Substring(5, text.Length - 6);
    }
}
