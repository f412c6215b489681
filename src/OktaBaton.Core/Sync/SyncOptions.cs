using System;
using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.Sync;

/// <summary>What a sync fetches. Defaults match the reference connector's defaults.</summary>
public sealed class SyncOptions
{
    /// <summary>Sync custom roles, IAM-based standard roles, resource sets and their bindings.</summary>
    public bool SyncCustomRoles { get; set; }

    /// <summary>Leave users' secondEmail out of traits, profiles and the e-mail-domain filter.</summary>
    public bool SkipSecondaryEmails { get; set; }

    /// <summary>Leave APP_GROUP groups (imported from apps) out, with their grants.</summary>
    public bool SkipAppGroups { get; set; }

    /// <summary>Sync inactive apps too (default: ACTIVE apps only).</summary>
    public bool SyncInactiveApps { get; set; }

    /// <summary>Sync API tokens (metadata only: Okta never returns token values).</summary>
    public bool SyncSecrets { get; set; }

    /// <summary>Sync devices (opt-in, as in baton-okta): serial number, UDID, model, vendor, OS, status and their users.</summary>
    public bool SyncDevices { get; set; }

    /// <summary>Drop DEPROVISIONED users and their grants.</summary>
    public bool SkipDeprovisionedUsers { get; set; }

    /// <summary>Keep only users with an e-mail, second e-mail or @-login in one of these domains (and only their grants).</summary>
    public IList<string> EmailDomains { get; set; } = new List<string>();

    /// <summary>Okta's q= on groups: names that start with this text.</summary>
    public string? GroupNameFilter { get; set; }

    /// <summary>The resource types to sync; empty means every type the other options enable.</summary>
    public IList<string> ResourceTypes { get; set; } = new List<string>();

    /// <summary>
    /// The options that took their value from an environment variable (<see cref="BatonEnvironment"/>): option name
    /// (syncCustomRoles, emailDomains, …) → variable. The sync file's header records it.
    /// </summary>
    public IDictionary<string, string> FromEnvironment { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How many independent lists (members of groups, users of apps, …) are fetched side by side.</summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>
    /// The most requests in flight at once. The scheduler also stays within <see cref="RateLimitShare"/> of one
    /// token's part of Okta's org-wide limit of 75 (half of it), so the cap is min(ThrottleLimit, 37 × RateLimitShare).
    /// Like the share, it is set on the
    /// client's own scheduler when the sync starts (<see cref="Okta.OktaClient.AdjustPacing"/>) and holds for every
    /// request of that client from then on.
    /// </summary>
    public int ThrottleLimit { get; set; } = 16;

    /// <summary>
    /// The share (more than 0, at most 1) of the rate limit Okta grants the token that this sync may spend: 1 spends
    /// all of it. Okta itself holds each token or OAuth app to its share of every bucket (50 % by default) and reports
    /// that ceiling in the X-Rate-Limit headers; a lower share leaves room for other work on the same token.
    /// Concurrent syncs (and provisioning) on one client spend one budget per bucket together; the sync that started
    /// last sets the share for all of them.
    /// </summary>
    public double RateLimitShare { get; set; } = 1.0;

    /// <summary>
    /// The Okta CIAM Workforce connector's sync: e-mail domains are required; users, groups (optionally by name
    /// prefix), standard roles and custom roles; no apps or secrets.
    /// </summary>
    public SyncOptions ApplyCiamWorkforcePreset()
    {
        if (EmailDomains.Count == 0)
        {
            throw new ArgumentException("The CIAM Workforce preset requires at least one e-mail domain (-EmailDomain).", nameof(EmailDomains));
        }

        var requested = ResourceTypes.Where(t => !CiamWorkforceTypes.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        if (requested.Count > 0 || SyncSecrets || SyncInactiveApps || SyncDevices)
        {
            throw new ArgumentException(
                $"The CIAM Workforce preset syncs only {string.Join(", ", CiamWorkforceTypes)}; leave out {(requested.Count > 0 ? string.Join(", ", requested) : "apps, secrets and devices")}.",
                nameof(ResourceTypes));
        }

        SyncCustomRoles = true;
        if (ResourceTypes.Count == 0)
        {
            foreach (var type in CiamWorkforceTypes)
            {
                ResourceTypes.Add(type);
            }
        }

        return this;
    }

    private static readonly string[] CiamWorkforceTypes = { Model.ResourceTypes.User, Model.ResourceTypes.Group, Model.ResourceTypes.Role, Model.ResourceTypes.CustomRole };

    /// <summary>Checks the options; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (ThrottleLimit < 1 || ThrottleLimit > 75)
        {
            throw new ArgumentException("ThrottleLimit must be between 1 and 75 (Okta's concurrency limit per org).", nameof(ThrottleLimit));
        }
        if (double.IsNaN(RateLimitShare) || RateLimitShare <= 0 || RateLimitShare > 1)
        {
            throw new ArgumentException("RateLimitShare must be more than 0 and at most 1, e.g. 0.5 for half of the rate limit Okta grants the token.", nameof(RateLimitShare));
        }
        foreach (var type in ResourceTypes)
        {
            if (Model.ResourceTypes.Find(type) is null)
            {
                throw new ArgumentException(
                    $"'{type}' is not a resource type. Valid types: {string.Join(", ", Model.ResourceTypes.All.Select(t => t.Id))}.",
                    nameof(ResourceTypes));
            }
        }
        foreach (var domain in EmailDomains)
        {
            if (EmailDomainProblem(domain) is string problem)
            {
                throw new ArgumentException($"'{domain}' is not an e-mail domain such as example.com: {problem}. Give each domain to -EmailDomain as it follows the @.");
            }
        }
        if (GroupNameFilter is not null && GroupNameFilter.Trim().Length == 0)
        {
            throw new ArgumentException("The group name filter is empty; leave it out to sync every group.", nameof(GroupNameFilter));
        }
        if (MaxConcurrency < 1 || MaxConcurrency > 64)
        {
            throw new ArgumentException("MaxConcurrency must be between 1 and 64.", nameof(MaxConcurrency));
        }
    }

    /// <summary>The resource types this sync writes, in file order.</summary>
    public IReadOnlyList<string> SelectedResourceTypes()
    {
        if (ResourceTypes.Count > 0)
        {
            return Model.ResourceTypes.All.Select(t => t.Id)
                .Where(id => ResourceTypes.Any(wanted => string.Equals(wanted, id, StringComparison.OrdinalIgnoreCase)))
                .ToList();
        }
        var selected = new List<string> { Model.ResourceTypes.User, Model.ResourceTypes.Group, Model.ResourceTypes.App, Model.ResourceTypes.Role };
        if (SyncCustomRoles)
        {
            selected.Add(Model.ResourceTypes.CustomRole);
            selected.Add(Model.ResourceTypes.ResourceSet);
            selected.Add(Model.ResourceTypes.ResourceSetBinding);
        }
        if (SyncSecrets) selected.Add(Model.ResourceTypes.ApiToken);
        if (SyncDevices) selected.Add(Model.ResourceTypes.Device);
        return selected;
    }

    /// <summary>
    /// Why <paramref name="domain"/> cannot be an e-mail domain (a host name: letters, digits and hyphens in dot-separated
    /// labels, international names allowed), or null. A domain is matched exactly after the "@", so a wildcard or a
    /// path would silently match no one — and a sync of no users looks like an org where nobody has access.
    /// </summary>
    private static string? EmailDomainProblem(string? domain)
    {
        var trimmed = (domain ?? "").Trim();
        if (trimmed.StartsWith("@", StringComparison.Ordinal)) trimmed = trimmed.Substring(1);
        if (trimmed.Length == 0) return "it is empty";
        if (trimmed.IndexOfAny(new[] { '*', '?' }) >= 0) return "wildcards are not supported (a domain matches exactly; list each domain, subdomains too)";
        string ascii;
        try
        {
            ascii = new System.Globalization.IdnMapping().GetAscii(trimmed);
        }
        catch (ArgumentException)
        {
            return "it holds characters a domain name cannot have";
        }
        if (ascii.Length > 253) return "it is longer than a domain name can be";
        foreach (var label in ascii.Split('.'))
        {
            if (label.Length == 0) return "it has an empty label (\"..\", or a leading or trailing dot)";
            if (label.Length > 63 || label.StartsWith("-", StringComparison.Ordinal) || label.EndsWith("-", StringComparison.Ordinal)) return $"'{label}' is not a domain label";
            foreach (var c in label)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-')) return $"it holds '{c}', which a domain name cannot have";
            }
        }
        return null;
    }

    internal IReadOnlyList<string> NormalizedEmailDomains() =>
        EmailDomains.Select(d => d.Trim().TrimStart('@').ToLowerInvariant()).Distinct().OrderBy(d => d, StringComparer.Ordinal).ToList();

    /// <summary>The options as the sync file records them.</summary>
    public PropertyBag ToPropertyBag() => new PropertyBag()
        .Set("syncCustomRoles", SyncCustomRoles)
        .Set("skipSecondaryEmails", SkipSecondaryEmails)
        .Set("skipAppGroups", SkipAppGroups)
        .Set("syncInactiveApps", SyncInactiveApps)
        .Set("syncSecrets", SyncSecrets)
        .Set("syncDevices", SyncDevices)
        .Set("skipDeprovisionedUsers", SkipDeprovisionedUsers)
        .Set("emailDomains", NormalizedEmailDomains())
        .Set("groupNameFilter", GroupNameFilter)
        .Set("resourceTypes", SelectedResourceTypes())
        .Set("fromEnvironment", FromEnvironmentBag());

    private PropertyBag FromEnvironmentBag()
    {
        var bag = new PropertyBag();
        foreach (var pair in FromEnvironment) bag.Set(pair.Key, pair.Value);
        return bag;
    }
}
