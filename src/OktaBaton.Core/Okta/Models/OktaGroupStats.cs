using System.Text.Json.Serialization;

namespace OktaBaton.Core.Okta.Models;

/// <summary>A group's _embedded.stats (expand=stats).</summary>
public sealed class OktaGroupStats
{
    public int? UsersCount { get; set; }

    public int? AppsCount { get; set; }

    public int? GroupPushMappingsCount { get; set; }

    /// <summary>The spec's spelling.</summary>
    [JsonPropertyName("hasAdminPrivilege")]
    public bool? HasAdminPrivilege { get; set; }

    /// <summary>The release notes' spelling; read so either form counts.</summary>
    [JsonPropertyName("hasAdminPrivileges")]
    public bool? HasAdminPrivileges { get; set; }

    /// <summary>True when either spelling said so.</summary>
    [JsonIgnore]
    public bool HoldsAdminPrivilege => HasAdminPrivilege == true || HasAdminPrivileges == true;
}
