using System;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>
/// A user's assignment to an app. <see cref="Scope"/> says how it is held: USER (assigned directly) or GROUP
/// (through a group assigned to the app). <see cref="AppId"/> and <see cref="UserId"/> bind to Revoke-OktaAppAssignment.
/// </summary>
public sealed class OktaAppUserAssignment
{
    internal OktaAppUserAssignment(string appId, string? appLabel, OktaAppUser user)
    {
        AppId = appId;
        AppLabel = appLabel;
        UserId = user.Id;
        UserName = user.Credentials?.UserName;
        Scope = user.Scope;
        Status = user.Status;
        Created = user.Created;
        LastUpdated = user.LastUpdated;
    }

    public string AppId { get; }

    public string? AppLabel { get; }

    public string UserId { get; }

    /// <summary>The user's name in the app (credentials.userName).</summary>
    public string? UserName { get; }

    /// <summary>USER (direct) or GROUP (through a group).</summary>
    public string? Scope { get; }

    public string? Status { get; }

    public DateTimeOffset? Created { get; }

    public DateTimeOffset? LastUpdated { get; }

    public override string ToString() => $"{UserName ?? UserId} in {AppLabel ?? AppId} ({Scope})";
}

/// <summary>A group's assignment to an app: its members get the app. <see cref="AppId"/> and <see cref="GroupId"/> bind to Revoke-OktaAppAssignment.</summary>
public sealed class OktaAppGroupAssignment
{
    internal OktaAppGroupAssignment(string appId, string? appLabel, string groupId, string? groupName, int? priority)
    {
        AppId = appId;
        AppLabel = appLabel;
        GroupId = groupId;
        GroupName = groupName;
        Priority = priority;
    }

    public string AppId { get; }

    public string? AppLabel { get; }

    public string GroupId { get; }

    public string? GroupName { get; }

    /// <summary>The group's priority among the app's groups (which group's profile wins), when known.</summary>
    public int? Priority { get; }

    public override string ToString() => $"{GroupName ?? GroupId} in {AppLabel ?? AppId}";
}
