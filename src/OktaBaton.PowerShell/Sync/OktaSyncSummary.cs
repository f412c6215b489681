using System;
using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;
using OktaBaton.Core.Sync;

namespace OktaBaton.PowerShell.Sync;

/// <summary>What Invoke-OktaSync wrote: flat, one property per resource type.</summary>
public sealed class OktaSyncSummary
{
    internal OktaSyncSummary(SyncResult result, IReadOnlyList<string> fromEnvironment)
    {
        FromEnvironment = fromEnvironment.ToArray();
        long Count(string type) => result.ResourceCounts.TryGetValue(type, out var count) ? count : 0;
        Path = result.Path;
        SyncId = result.SyncId;
        Users = Count(ResourceTypes.User);
        Groups = Count(ResourceTypes.Group);
        Apps = Count(ResourceTypes.App);
        Roles = Count(ResourceTypes.Role);
        CustomRoles = Count(ResourceTypes.CustomRole);
        ResourceSets = Count(ResourceTypes.ResourceSet);
        ResourceSetBindings = Count(ResourceTypes.ResourceSetBinding);
        ApiTokens = Count(ResourceTypes.ApiToken);
        Devices = Count(ResourceTypes.Device);
        Entitlements = result.Entitlements;
        Grants = result.Grants;
        Requests = result.Requests;
        Retries = result.Retries;
        Warnings = result.Warnings.Select(w => w.Message).ToArray();
        Duration = result.Duration;
        ResourceCounts = result.ResourceCounts;
        Mode = result.Mode.ToString();
        ModeReason = result.ModeReason;
        RequestsSaved = result.RequestsSaved;
        RefreshedFrom = result.RefreshedFrom;
    }

    public string Path { get; }

    public string SyncId { get; }

    public long Users { get; }

    public long Groups { get; }

    public long Apps { get; }

    public long Roles { get; }

    public long CustomRoles { get; }

    public long ResourceSets { get; }

    public long ResourceSetBindings { get; }

    public long ApiTokens { get; }

    public long Devices { get; }

    public long Entitlements { get; }

    public long Grants { get; }

    public long Requests { get; }

    public long Retries { get; }

    public string[] Warnings { get; }

    /// <summary>The options that came from environment variables, e.g. "-SyncCustomRoles from BATON_SYNC_CUSTOM_ROLES=true".</summary>
    public string[] FromEnvironment { get; }

    public TimeSpan Duration { get; }

    /// <summary>
    /// "Full" (every list read) or "Incremental" (an earlier file refreshed from the System Log): the name, a string, so
    /// that ConvertTo-Json and Export-Csv write it as such on PowerShell 7 and 5.1 alike.
    /// </summary>
    public string Mode { get; }

    /// <summary>Why a refresh that was asked for ran a full sync instead; empty otherwise.</summary>
    public string? ModeReason { get; }

    /// <summary>For an incremental sync, about how many requests fewer than a full sync of the same org it sent.</summary>
    public long? RequestsSaved { get; }

    /// <summary>For an incremental sync, the sync id of the file it refreshed.</summary>
    public string? RefreshedFrom { get; }

    /// <summary>Resource type id → count, for the types this sync selected.</summary>
    public IReadOnlyDictionary<string, long> ResourceCounts { get; }

    /// <summary>What a failing Should or a string shows, e.g. "Full sync to ./okta-sync.json: 253 users, 10 groups, 5 apps, 541 grants, 46 requests".</summary>
    public override string ToString()
    {
        var warnings = Warnings.Length == 0 ? "" : $", {Warnings.Length} warning{(Warnings.Length == 1 ? "" : "s")} (incomplete)";
        return $"{Mode} sync to {Path}: {Users} users, {Groups} groups, {Apps} apps, {Entitlements} entitlements, {Grants} grants, {Requests} requests{warnings}";
    }
}
