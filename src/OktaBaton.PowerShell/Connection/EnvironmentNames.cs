namespace OktaBaton.PowerShell.Connection;

/// <summary>Environment variables Connect-Okta falls back to (the names the baton-okta connector uses).</summary>
internal static class EnvironmentNames
{
    public const string Domain = "BATON_DOMAIN";
    public const string ApiToken = "BATON_API_TOKEN";
    public const string ClientId = "BATON_OKTA_CLIENT_ID";
    public const string PrivateKey = "BATON_OKTA_PRIVATE_KEY";
    public const string PrivateKeyId = "BATON_OKTA_PRIVATE_KEY_ID";
}
