namespace OktaBaton.Core.Provisioning;

/// <summary>Who receives access: a user or a group (as in a grant id's principal part).</summary>
public enum PrincipalType
{
    User,
    Group,
}
