namespace OktaBaton.Simulator.Model;

internal sealed class RoleAssignment
{
    public RoleAssignment(string id, string type, string label, string assignmentType, int principalIndex)
    {
        Id = id;
        Type = type;
        Label = label;
        AssignmentType = assignmentType;
        PrincipalIndex = principalIndex;
    }

    public string Id { get; }
    /// <summary>SUPER_ADMIN, …, CUSTOM, or an IAM-based standard role type such as WORKFLOWS_ADMIN.</summary>
    public string Type { get; }
    public string Label { get; }
    /// <summary>USER or GROUP.</summary>
    public string AssignmentType { get; }
    public int PrincipalIndex { get; }
    public string Status { get; set; } = "ACTIVE";
    /// <summary>For CUSTOM and IAM-based roles: the role id (cr0…).</summary>
    public string? RoleId { get; set; }
    /// <summary>For CUSTOM roles: the resource set id (iam…).</summary>
    public string? ResourceSetId { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}
