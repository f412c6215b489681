#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# An example of the access tests an Okta team writes with OktaBaton, in the style of maester:
# sync once, then assert on the file offline.
#   Invoke-OktaSync -Path ./okta-sync.json -SyncSecrets
#   $env:OKTABATON_SYNC_FILE = './okta-sync.json'; Invoke-Pester ./tests/pester/Governance.Example.Tests.ps1 -CI

BeforeDiscovery {
    $script:syncFile = $env:OKTABATON_SYNC_FILE
}

Describe 'Okta access policy' -Skip:(-not $script:syncFile) {
    BeforeAll {
        Import-Module OktaBaton -ErrorAction SilentlyContinue
        $script:syncFile = $env:OKTABATON_SYNC_FILE
        $script:breakGlass = @('break.glass@acme.example')
    }

    It 'OKTA.001: only break-glass accounts hold SUPER_ADMIN' {
        $holders = Get-OktaSyncGrant -Path $script:syncFile -EntitlementId 'role:SUPER_ADMIN:assigned' -Expand |
            Where-Object PrincipalType -eq 'user'
        $holders | Where-Object PrincipalLogin -notin $script:breakGlass |
            Should -BeNullOrEmpty -Because 'SUPER_ADMIN is for break-glass accounts; everyone else gets a narrower role'
    }

    It 'OKTA.002: every API token expires' {
        Get-OktaSyncResource -Path $script:syncFile -ResourceType api-token |
            Where-Object { -not $_.Profile.expiresAt } |
            Should -BeNullOrEmpty -Because 'a token without an expiry outlives the reason it was made'
    }

    It 'OKTA.003: no deprovisioned user keeps group membership' {
        $gone = Get-OktaSyncResource -Path $script:syncFile -ResourceType user | Where-Object Status -in 'SUSPENDED', 'DEPROVISIONED' | ForEach-Object ResourceId
        Get-OktaSyncGrant -Path $script:syncFile -Slug member |
            Where-Object { $_.PrincipalType -eq 'user' -and $_.PrincipalId -in $gone } |
            Should -BeNullOrEmpty -Because 'disabled accounts should not keep access'
    }
}
