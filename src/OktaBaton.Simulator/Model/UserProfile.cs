using System.Text.Json;

namespace OktaBaton.Simulator.Model;

internal sealed class UserProfile
{
    public string Login { get; set; } = "";
    public string? Email { get; set; }
    public string? SecondEmail { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? DisplayName { get; set; }
    public string? EmployeeNumber { get; set; }
    /// <summary>Any other (custom) attribute, kept as sent.</summary>
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public void SetExtra(string name, JsonElement value)
    {
        Extra ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        Extra[name] = value;
    }
}
