<#
.SYNOPSIS
Offboards a leaver: revokes every grant the sync file shows them holding, deactivates them, re-syncs, and
proves that no access is left.

.DESCRIPTION
Works from a sync file (Invoke-OktaSync's output; a fresh sync is taken when -SyncPath does not exist):

1. Group memberships first: revoking them also ends what the user holds through those groups (apps and
   admin roles assigned to the group). Okta only changes membership of OKTA_GROUP groups; memberships of
   Everyone (BUILT_IN) end with the deactivation, and those of APP_GROUP groups belong to their app.
2. Every other direct grant: app assignments, admin roles, custom roles and resource-set bindings.
   A grant that went with a group in step 1 is AlreadyRevoked by now.
3. Deactivation (Remove-OktaUser): Okta removes the app assignments still left and the password; the
   record stays (Remove-OktaUser -Permanent deletes it later).
4. A re-sync to -VerifyPath, and every grant the user still holds there, inherited ones included
   (-Expand). Any left is an error naming it; the output's RemainingGrants lists them, and ThroughGroups
   what the user held through groups before (each with Via, the group grant it came from).

Run it with -WhatIf first: it then only reports what it would revoke and deactivate.

.EXAMPLE
./examples/Invoke-LeaverOffboarding.ps1 -Login alice.anderson@acme.example -SyncPath ./okta-sync.json -Confirm:$false
#>
[CmdletBinding(SupportsShouldProcess = $true, ConfirmImpact = 'High')]
param(
    # The leaver's login (or Okta user id).
    [Parameter(Mandatory = $true)]
    [string] $Login,

    # The sync file to work from; synced now when it does not exist.
    [string] $SyncPath = './okta-sync.json',

    # Where the verifying re-sync is written.
    [string] $VerifyPath = './okta-sync-after-leaver.json'
)

# any failure while revoking stops the script before the deactivation; the final check reports as the caller asks
$callersPreference = $ErrorActionPreference
$ErrorActionPreference = 'Stop'
$SyncPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($SyncPath)
$VerifyPath = $PSCmdlet.GetUnresolvedProviderPathFromPSPath($VerifyPath)
if (-not [System.IO.File]::Exists($SyncPath)) {
    $null = Invoke-OktaSync -Path $SyncPath -SyncCustomRoles
}

$user = Get-OktaSyncResource -Path $SyncPath -ResourceType user | Where-Object { $_.Login -eq $Login -or $_.ResourceId -eq $Login }
if (-not $user) { throw "The sync file $SyncPath has no user '$Login'." }
$userId = $user.ResourceId

# how Okta manages each group: only OKTA_GROUP memberships can be revoked
$groupTypes = @{}
Get-OktaSyncResource -Path $SyncPath -ResourceType group | ForEach-Object { $groupTypes[$_.ResourceId] = $_.Profile.type }

$grants = @(Get-OktaSyncGrant -Path $SyncPath -PrincipalId $userId)
# what the user holds through groups (Via names the group's grant): it ends with the memberships
$throughGroups = @(Get-OktaSyncGrant -Path $SyncPath -PrincipalId $userId -Expand | Where-Object { $_.Via })
$memberships = @($grants | Where-Object { $_.ResourceType -eq 'group' -and $groupTypes[$_.ResourceId] -eq 'OKTA_GROUP' })
$others = @($grants | Where-Object { $_.ResourceType -ne 'group' })
$changes = @()
$changes += $memberships | Revoke-OktaEntitlement -Confirm:$false
$changes += $others | Revoke-OktaEntitlement -Confirm:$false
$changes += Remove-OktaUser -UserId $userId -Confirm:$false

if ($WhatIfPreference) {
    return $changes
}

$null = Invoke-OktaSync -Path $VerifyPath -SyncCustomRoles
$remaining = @(Get-OktaSyncGrant -Path $VerifyPath -PrincipalId $userId -Expand)
$status = (Get-OktaSyncResource -Path $VerifyPath -ResourceType user | Where-Object { $_.ResourceId -eq $userId }).Status

$ErrorActionPreference = $callersPreference
[pscustomobject]@{
    Login           = $user.Login
    UserId          = $userId
    Status          = $status
    Revoked         = @($changes | Where-Object { $_.Outcome -eq 'Revoked' }).Count
    AlreadyRevoked  = @($changes | Where-Object { $_.Outcome -eq 'AlreadyRevoked' }).Count
    ThroughGroups   = $throughGroups
    RemainingGrants = $remaining
    Changes         = $changes
}
if ($remaining.Count -gt 0) {
    $names = ($remaining | ForEach-Object { $_.EntitlementId + $(if ($_.Via) { ' via ' + $_.Via } else { '' }) }) -join ', '
    $failure = [System.InvalidOperationException]::new("$($user.Login) still holds: $names")
    $PSCmdlet.WriteError([System.Management.Automation.ErrorRecord]::new($failure, 'LeaverAccessRemains', 'InvalidResult', $userId))
}
