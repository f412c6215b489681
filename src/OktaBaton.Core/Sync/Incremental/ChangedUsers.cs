using System;
using System.Collections.Generic;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Sync.Incremental;

/// <summary>The users a refresh read again, as Okta has them now, and those Okta no longer has.</summary>
internal sealed class ChangedUsers
{
    public ChangedUsers(SortedDictionary<string, OktaUser> fresh, HashSet<string> gone, long requests)
    {
        Fresh = fresh;
        Gone = gone;
        Requests = requests;
    }

    /// <summary>By id, in id order.</summary>
    public SortedDictionary<string, OktaUser> Fresh { get; }

    public HashSet<string> Gone { get; }

    /// <summary>What reading them cost.</summary>
    public long Requests { get; }
}
