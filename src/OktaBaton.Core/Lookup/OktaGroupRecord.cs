using System;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>A group as Okta has it now, with its member and app counts.</summary>
public sealed class OktaGroupRecord
{
    internal OktaGroupRecord(OktaGroup group)
    {
        Id = group.Id;
        Name = group.Profile.Name ?? group.Id;
        Description = group.Profile.Description;
        Type = group.Type;
        Created = group.Created;
        LastUpdated = group.LastUpdated;
        LastMembershipUpdated = group.LastMembershipUpdated;
        MemberCount = group.Stats?.UsersCount;
        AppCount = group.Stats?.AppsCount;
    }

    public string Id { get; }

    public string Name { get; }

    public string? Description { get; }

    /// <summary>OKTA_GROUP, APP_GROUP or BUILT_IN; only OKTA_GROUP membership can be changed.</summary>
    public string? Type { get; }

    public DateTimeOffset? Created { get; }

    public DateTimeOffset? LastUpdated { get; }

    public DateTimeOffset? LastMembershipUpdated { get; }

    public int? MemberCount { get; }

    public int? AppCount { get; }

    public override string ToString() => $"{Name} ({Id})";
}
