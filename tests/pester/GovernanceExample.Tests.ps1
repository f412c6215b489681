#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# examples/Governance.Tests.ps1 is what a team copies. The demo org breaks its policy on purpose: this file runs
# the example as a team would (its own pwsh and Pester, the module imported by name, credentials from BATON_*)
# and checks which checks fail and that each failure names the accounts to fix.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-BuiltModule
    $script:org = Get-TestOrg
    $script:example = Join-Path $PSScriptRoot '../../examples/Governance.Tests.ps1'

    function Invoke-Example([hashtable] $Environment = @{}) {
        $results = Join-Path $TestDrive "results-$([guid]::NewGuid().ToString('N')).json"
        $command = @"
`$run = Invoke-Pester -Path '$example' -PassThru -Output None
`$run.Tests | ForEach-Object {
    `$errors = @(`$_.ErrorRecord)
    for (`$block = `$_.Block; `$block; `$block = `$block.Parent) { `$errors += `$block.ErrorRecord }
    [pscustomobject]@{ Name = `$_.Name; Result = [string] `$_.Result; Message = (`$errors | ForEach-Object { `$_.Exception.Message }) -join ' ' }
} | ConvertTo-Json | Set-Content -LiteralPath '$results'
"@
        $null = Invoke-Pwsh -Command $command -Environment $Environment
        $byId = @{}
        foreach ($test in Get-Content -Raw $results | ConvertFrom-Json) { $byId[$test.Name.Split(':')[0]] = $test }
        $byId
    }
}

Describe 'the governance example on the demo org' {
    BeforeAll {
        Reset-TestOrg
        $script:first = Invoke-Example
    }

    It 'OKTA.001 fails and names the users who hold SUPER_ADMIN directly or through a group' {
        $first['OKTA.001'].Result | Should -Be 'Failed'
        $first['OKTA.001'].Message | Should -Not -Match 'break\.glass'
        # how each holds it: directly, through the group, or both
        $first['OKTA.001'].Message | Should -Match "okta\.admin@acme\.example \(directly and through group 'Okta Admins'\)"
        $first['OKTA.001'].Message | Should -Match "alice\.anderson@acme\.example \(through group 'Okta Admins'\)"
    }

    It 'OKTA.004 fails and names the help-desk admin who reaches the whole org, not those limited by role targets' {
        $first['OKTA.004'].Result | Should -Be 'Failed'
        $first['OKTA.004'].Message | Should -Match 'alice\.anderson@acme\.example \(directly and through group .Help Desk.\)'
        $first['OKTA.004'].Message | Should -Not -Match 'iris\.ito|quinn\.quade'
    }

    It 'OKTA.002 fails and names the token that never expires, with its owner' {
        $first['OKTA.002'].Result | Should -Be 'Failed'
        $first['OKTA.002'].Message | Should -Match 'Legacy integration \(owner break\.glass@acme\.example\)'
        $first['OKTA.002'].Message | Should -Not -Match 'OktaBaton sync|CI pipeline'
    }

    It 'OKTA.003 fails and names the suspended users kept in groups, never the built-in Everyone' {
        $first['OKTA.003'].Result | Should -Be 'Failed'
        $first['OKTA.003'].Message | Should -Match "dave\.davis@acme\.example \(suspended, in 'Finance Approvers'\)"
        $first['OKTA.003'].Message | Should -Match "rita\.ross@contractors\.example \(suspended, in 'Contractors'\)"
        $first['OKTA.003'].Message | Should -Not -Match 'Everyone'
    }

    It 'passes OKTA.001 and OKTA.003 once the accounts are fixed, and still fails OKTA.002' {
        Connect-Okta -Domain $org.Domain -ApiToken $org.Token
        $state = Get-TestOrgState
        $groupId = { param($name) ($state.groups | Where-Object { $_.profile.name -eq $name }).id }
        $null = Revoke-OktaRole -RoleType SUPER_ADMIN -UserId okta.admin@acme.example -Confirm:$false
        $null = Revoke-OktaRole -RoleType SUPER_ADMIN -GroupId (& $groupId 'Okta Admins') -Confirm:$false
        $null = Revoke-OktaGroupMembership -GroupId (& $groupId 'Finance Approvers') -UserId dave.davis@acme.example -Confirm:$false
        $null = Revoke-OktaGroupMembership -GroupId (& $groupId 'Contractors') -UserId rita.ross@contractors.example -Confirm:$false

        $fixed = Invoke-Example

        $fixed['OKTA.001'].Result | Should -Be 'Passed'
        $fixed['OKTA.003'].Result | Should -Be 'Passed'
        $fixed['OKTA.002'].Result | Should -Be 'Failed'
    }
}

Describe 'the governance example on an incomplete sync' {
    It 'fails every check with the reason, instead of passing on data it could not read' {
        $results = Invoke-Example -Environment @{ BATON_API_TOKEN = $env:OKTABATON_READONLY_TOKEN }

        foreach ($id in 'OKTA.001', 'OKTA.002', 'OKTA.003', 'OKTA.004') {
            $results[$id].Result | Should -Be 'Failed' -Because "$id must not pass on an incomplete sync"
            $results[$id].Message | Should -Match 'is incomplete, so the policy cannot be checked'
        }
    }
}
