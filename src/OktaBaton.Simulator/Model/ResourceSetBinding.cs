namespace OktaBaton.Simulator.Model;

internal sealed class ResourceSetBinding
{
    public ResourceSetBinding(string roleId) => RoleId = roleId;

    public string RoleId { get; }
    public List<BindingMember> Members { get; } = new();
}

/// <summary>A user or group bound to a role on a resource set.</summary>
internal sealed record BindingMember(string Id, string PrincipalType, int PrincipalIndex, DateTimeOffset Created);
