<#
.SYNOPSIS
    OktaBaton's main job in a minute: connect, sync an org to a JSON file, and ask it who has access.
.DESCRIPTION
    `dotnet run --project src/OktaBaton.Demo` runs this script against the simulator's demo org. With pwsh
    you can run it yourself against any org, or against a simulator you started:
        dotnet run --project src/OktaBaton.Simulator -c Release -- --org demo --port 5599 --token demo-token
        ./src/OktaBaton.Demo/demo.ps1 -Domain 127.0.0.1:5599 -ApiToken (ConvertTo-SecureString demo-token -AsPlainText -Force)
    It uses only the language and OktaBaton's own cmdlets, so it also runs in a minimal PowerShell host.
#>
param(
    [Parameter(Mandatory)] [string] $Domain,
    [Parameter(Mandatory)] [securestring] $ApiToken,
    [string] $Path = 'demo-sync.json',
    [string] $App = 'Salesforce'
)

$ErrorActionPreference = 'Stop'

Connect-Okta -Domain $Domain -ApiToken $ApiToken
$connection = Get-OktaConnection
"Connected to {0} as {1}" -f $connection.Domain, $connection.Principal

$summary = Invoke-OktaSync -Path $Path -SyncCustomRoles -SyncSecrets
''
"Synced to {0} in {1:n1} s with {2} requests ({3} retries):" -f $summary.Path, $summary.Duration.TotalSeconds, $summary.Requests, $summary.Retries
"  {0} users, {1} groups, {2} apps, {3} roles, {4} custom roles, {5} resource sets, {6} bindings, {7} API tokens" -f `
    $summary.Users, $summary.Groups, $summary.Apps, $summary.Roles, $summary.CustomRoles, $summary.ResourceSets, $summary.ResourceSetBindings, $summary.ApiTokens
"  {0} entitlements, {1} grants" -f $summary.Entitlements, $summary.Grants
foreach ($warning in $summary.Warnings) { "  note: $warning" }

''
'Who holds SUPER_ADMIN, directly or through a group:'
# -Expand gives one record per user, whether the role is held directly, through groups, or both
Get-OktaSyncGrant -Path $Path -EntitlementId 'role:SUPER_ADMIN:assigned' -Expand |
    Where-Object PrincipalType -eq 'user' |
    ForEach-Object { '  {0,-34} {1}' -f $_.PrincipalLogin, $_.HowHeld }

''
'Admin roles limited to some groups or apps (role targets):'
Get-OktaSyncGrant -Path $Path -ResourceType role -Expand |
    Where-Object { $_.PrincipalType -eq 'user' -and $_.Scope -ne 'org-wide' } |
    ForEach-Object { '  {0,-34} {1,-16} {2} ({3})' -f $_.PrincipalLogin, $_.ResourceId, $_.Scope, $_.HowHeld }

''
$appResource = Get-OktaSyncResource -Path $Path -ResourceType app | Where-Object DisplayName -eq $App
"Who can use {0} ({1}):" -f $App, $appResource.ResourceId
Get-OktaSyncGrant -Path $Path -ResourceType app -ResourceId $appResource.ResourceId -Expand |
    ForEach-Object {
        if ($_.PrincipalType -eq 'user') { '  user   {0,-34} {1}' -f $_.PrincipalLogin, $_.HowHeld }
        else { "  group  '{0}' (its members inherit access)" -f $_.PrincipalName }
    }

Disconnect-Okta
