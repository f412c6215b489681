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
    /// <summary>For CUSTOM: the custom role id (cr0…); for IAM-based standard roles: the role type itself.</summary>
    public string? RoleId { get; set; }
    /// <summary>For CUSTOM: the resource set id (iam…); for IAM-based standard roles: their IAM policy (e.g. WORKFLOWS_IAM_POLICY).</summary>
    public string? ResourceSetId { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }

    /// <summary>
    /// Group targets of a USER_ADMIN, HELP_DESK_ADMIN or GROUP_MEMBERSHIP_ADMIN assignment (group indexes); none means
    /// every group. Okta's Role Targets API: "When you assign the first group target, you reduce the scope of the role assignment."
    /// </summary>
    public SortedIntSet TargetGroups { get; } = new();

    /// <summary>App targets of an APP_ADMIN assignment, in the order they were added; none means every app.</summary>
    public List<AppTarget> TargetApps { get; } = new();

    public bool IsScoped => TargetGroups.Count > 0 || TargetApps.Count > 0;
}

/// <summary>An APP_ADMIN target: every instance of an OIN catalog app (<see cref="AppIndex"/> null), or one app instance.</summary>
internal sealed record AppTarget(string AppName, int? AppIndex);
