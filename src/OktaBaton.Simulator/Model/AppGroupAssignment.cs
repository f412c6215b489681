namespace OktaBaton.Simulator.Model;

internal sealed class AppGroupAssignment
{
    public AppGroupAssignment(int groupIndex) => GroupIndex = groupIndex;

    public int GroupIndex { get; }
    public int Priority { get; set; }
    public DateTimeOffset LastUpdated { get; set; }
}
