namespace OktaBaton.Simulator.Model;

internal sealed class AppUserAssignment
{
    public AppUserAssignment(int userIndex) => UserIndex = userIndex;

    public int UserIndex { get; }
    /// <summary>Assigned directly (scope USER) — wins over group assignment for the reported scope.</summary>
    public bool Direct { get; set; }
    /// <summary>How many of the app's assigned groups hold the user (a count keeps big orgs small).</summary>
    public int ViaGroupCount { get; set; }
    public string Status { get; set; } = "ACTIVE";
    public string? UserName { get; set; }
    public DateTimeOffset Created { get; set; }
    public DateTimeOffset LastUpdated { get; set; }

    public string Scope => Direct ? "USER" : "GROUP";
    public bool IsAssigned => Direct || ViaGroupCount > 0;
}
