#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
<#
    An Okta access policy as Pester tests, in the style of maester: sync the org once, then assert on the
    sync file offline. Each failure names the accounts to fix. Copy it, set $breakGlass and adapt the checks.

    In CI, give it the org's credentials in the environment (read-only is enough):
        $env:BATON_DOMAIN = 'acme.okta.com'; $env:BATON_API_TOKEN = '…'    # or BATON_OKTA_CLIENT_ID + key, see Get-Help Connect-Okta
        Invoke-Pester ./examples/Governance.Tests.ps1 -Output Detailed

    This repository's CI runs it against the simulator's demo org, where OKTA.001 to OKTA.004 fail on purpose
    (tests/pester/GovernanceExample.Tests.ps1 checks that they fail, and name the right accounts).
#>

BeforeAll {
    Import-Module OktaBaton -ErrorAction Stop

    # Accounts allowed to hold SUPER_ADMIN: emergency access only.
    $script:breakGlass = @('break.glass@acme.example')

    Connect-Okta
    $script:syncFile = Join-Path $TestDrive 'okta-sync.json'
    $null = Invoke-OktaSync -Path $syncFile -SyncCustomRoles -SyncSecrets -WarningAction SilentlyContinue
    # A sync that could not read everything (missing admin permissions, say) would let these checks pass on
    # data that is not there: refuse to judge the org on it. (The same check guards a file synced elsewhere.)
    $info = Get-OktaSyncInfo -Path $syncFile
    if (-not $info.IsComplete) {
        throw "The sync of $($info.Org) in $($info.Path) is incomplete, so the policy cannot be checked: $($info.Warnings)"
    }
}

Describe 'Okta access policy' {
    It 'OKTA.001: only break-glass accounts hold SUPER_ADMIN' {
        $holders = Get-OktaSyncGrant -Path $syncFile -EntitlementId 'role:SUPER_ADMIN:assigned' -Expand |
            Where-Object PrincipalType -eq 'user'
        # one record per user, saying how it is held: directly, through a group, or both
        $holders | Where-Object PrincipalLogin -notin $breakGlass | ForEach-Object { "$($_.PrincipalLogin) ($($_.HowHeld))" } |
            Sort-Object |
            Should -BeNullOrEmpty -Because 'SUPER_ADMIN is for break-glass accounts; these accounts hold it and need a narrower role'
    }

    It 'OKTA.002: every API token expires' {
        $logins = @{}
        Get-OktaSyncResource -Path $syncFile -ResourceType user | ForEach-Object { $logins[$_.ResourceId] = $_.Login }
        Get-OktaSyncResource -Path $syncFile -ResourceType api-token |
            Where-Object { -not $_.Profile.expiresAt } |
            ForEach-Object { "$($_.DisplayName) (owner $($logins[$_.Profile.userId]))" } |
            Should -BeNullOrEmpty -Because 'a token without an expiry outlives the reason it was made; these tokens never expire'
    }

    It 'OKTA.003: no suspended or deprovisioned user keeps group membership' {
        $disabled = @{}
        Get-OktaSyncResource -Path $syncFile -ResourceType user |
            Where-Object Status -in 'SUSPENDED', 'DEPROVISIONED' |
            ForEach-Object { $disabled[$_.ResourceId] = $_ }
        # Everyone (BUILT_IN) holds every account and cannot be changed: only groups an admin manages count.
        $managed = Get-OktaSyncResource -Path $syncFile -ResourceType group |
            Where-Object { $_.Profile.type -ne 'BUILT_IN' } | ForEach-Object ResourceId
        Get-OktaSyncGrant -Path $syncFile -ResourceType group -Slug member |
            Where-Object { $_.PrincipalType -eq 'user' -and $disabled.ContainsKey($_.PrincipalId) -and $_.ResourceId -in $managed } |
            ForEach-Object { "$($_.PrincipalLogin) ($($disabled[$_.PrincipalId].Status.ToLowerInvariant()), in '$($_.ResourceName)')" } |
            Sort-Object |
            Should -BeNullOrEmpty -Because 'a disabled account should not keep access it would regain when re-enabled'
    }

    It 'OKTA.004: help-desk admins are limited to the groups they support' {
        # Okta's role targets limit HELP_DESK_ADMIN to some groups; Scope says what each holder reaches
        Get-OktaSyncGrant -Path $syncFile -EntitlementId 'role:HELP_DESK_ADMIN:assigned' -Expand |
            Where-Object { $_.PrincipalType -eq 'user' -and $_.Scope -eq 'org-wide' } |
            ForEach-Object { "$($_.PrincipalLogin) ($($_.HowHeld))" } |
            Should -BeNullOrEmpty -Because 'a help-desk admin for the whole org can reset anyone, admins included'
    }
}
