namespace OktaBaton.Core.Model;

public static class EntitlementSlugs
{
    public const string Member = "member";
    public const string Access = "access";
    public const string Assigned = "assigned";
}
