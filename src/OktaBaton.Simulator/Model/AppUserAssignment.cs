namespace OktaBaton.Simulator.Model;

internal sealed class AppUserAssignment
{
    public AppUserAssignment(int userIndex) => UserIndex = userIndex;

    public int UserIndex { get; }
    /// <summary>Assigned directly (scope USER) — wins over group assignment for the reported scope.</summary>
    public bool Direct { get; set; }
    /// <summary>Groups through which the user is assigned.</summary>
    public HashSet<int> ViaGroups { get; } = new();
    public string Status { get; set; } = "ACTIVE";
    public string? UserName { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }

    public string Scope => Direct ? "USER" : "GROUP";
    public bool IsAssigned => Direct || ViaGroups.Count > 0;
}
