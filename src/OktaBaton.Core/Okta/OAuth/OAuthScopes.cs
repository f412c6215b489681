using System.Collections.Generic;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>Okta management scopes the module asks for.</summary>
public static class OAuthScopes
{
    /// <summary>Everything sync and provisioning need: users, groups, apps and roles, read and manage.</summary>
    public static readonly IReadOnlyList<string> Default = new[]
    {
        "okta.users.read", "okta.users.manage",
        "okta.groups.read", "okta.groups.manage",
        "okta.apps.read", "okta.apps.manage",
        "okta.roles.read", "okta.roles.manage",
    };

    /// <summary>Needed only when devices are synced (Invoke-OktaSync -SyncDevices); ask for it with Connect-Okta -Scope.</summary>
    public const string DevicesRead = "okta.devices.read";

    /// <summary>Needed only when API tokens ("secrets") are synced.</summary>
    public const string ApiTokensRead = "okta.apiTokens.read";

    /// <summary>The default scopes, plus <see cref="ApiTokensRead"/> when secrets are synced.</summary>
    public static IReadOnlyList<string> ForSyncAndProvisioning(bool includeSecrets)
    {
        if (!includeSecrets) return Default;
        var scopes = new List<string>(Default) { ApiTokensRead };
        return scopes;
    }
}
