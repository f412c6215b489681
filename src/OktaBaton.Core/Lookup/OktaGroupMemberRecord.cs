using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Lookup;

/// <summary>One member of a group: <see cref="GroupId"/> and <see cref="UserId"/> bind to Grant-/Revoke-OktaGroupMembership.</summary>
public sealed class OktaGroupMemberRecord
{
    internal OktaGroupMemberRecord(string groupId, OktaUser user)
    {
        GroupId = groupId;
        UserId = user.Id;
        Login = user.Profile.Login ?? string.Empty;
        DisplayName = OktaUserRecord.DisplayNameOf(user);
        Email = user.Profile.Email;
        Status = user.Status;
    }

    public string GroupId { get; }

    public string UserId { get; }

    public string Login { get; }

    public string DisplayName { get; }

    public string? Email { get; }

    public string? Status { get; }

    public override string ToString() => $"{Login} in {GroupId}";
}
