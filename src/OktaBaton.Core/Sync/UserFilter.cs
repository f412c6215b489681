using System;
using System.Collections.Generic;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync;

/// <summary>
/// The e-mail-domain filter and skip-deprovisioned option. When active, the user listing records which user
/// ids it kept, and grants (members, role assignees, app users) to any other user are dropped.
/// </summary>
internal sealed class UserFilter
{
    private readonly IReadOnlyList<string> _domains;
    private readonly bool _skipDeprovisioned;
    private readonly bool _useSecondEmail;
    private readonly HashSet<string> _keptIds = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public UserFilter(SyncOptions options)
    {
        _domains = options.NormalizedEmailDomains();
        _skipDeprovisioned = options.SkipDeprovisionedUsers;
        _useSecondEmail = !options.SkipSecondaryEmails;
    }

    public bool IsActive => _domains.Count > 0 || _skipDeprovisioned;

    /// <summary>Decides for one listed user and remembers the answer.</summary>
    public bool Admit(OktaUser user)
    {
        var keep = Keeps(user);
        if (keep && IsActive)
        {
            lock (_gate) _keptIds.Add(user.Id);
        }
        return keep;
    }

    /// <summary>For principals known only by id: kept when no filter is active or the listing kept them.</summary>
    public bool KeepsUserId(string userId)
    {
        if (!IsActive) return true;
        lock (_gate) return _keptIds.Contains(userId);
    }

    private bool Keeps(OktaUser user)
    {
        if (_skipDeprovisioned && string.Equals(user.Status, "DEPROVISIONED", StringComparison.OrdinalIgnoreCase)) return false;
        if (_domains.Count == 0) return true;
        var profile = user.Profile;
        return InDomain(profile.Email) || (_useSecondEmail && InDomain(profile.SecondEmail)) || (profile.Login?.Contains("@") == true && InDomain(profile.Login));
    }

    private bool InDomain(string? address)
    {
        if (string.IsNullOrEmpty(address)) return false;
        foreach (var domain in _domains)
        {
            if (address!.EndsWith("@" + domain, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }
}
