#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The user-facing contract of the module, in real pwsh against this file's own demo org
# (run by `dotnet test`; see tests/pester/README.md).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-BuiltModule
    $script:org = Get-TestOrg
    Connect-Okta -Domain $org.Domain -ApiToken $org.Token
    # At file level, so the file lives as long as this file's tests (TestDrive is emptied after the block that wrote to it).
    $script:syncFile = Join-Path $TestDrive 'sync.json'
    $script:summary = Invoke-OktaSync -Path $syncFile -SyncCustomRoles -SyncSecrets
}

AfterAll {
    Disconnect-Okta
}

Describe 'Connect-Okta' {
    It 'shows the connection without the token' {
        $connection = Get-OktaConnection
        $connection.Domain | Should -Be $org.Domain
        $connection.AuthMethod | Should -Be 'ApiToken'
        $connection.Principal | Should -Be 'okta.admin@acme.example'
        ($connection | Format-List * | Out-String) | Should -Not -Match ([regex]::Escape($env:BATON_API_TOKEN))
    }

    It 'rejects a bad token with a categorised error' {
        { Connect-Okta -Domain $org.Domain -ApiToken (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId 'OktaAuthenticationFailed*'
    }
}

Describe 'Invoke-OktaSync and offline queries' {
    It 'writes a sync file and reports counts' {
        $syncFile | Should -Exist
        $state = Get-TestOrgState
        $summary.Users | Should -Be @($state.users).Count
        $summary.Groups | Should -Be @($state.groups).Count
        $summary.Grants | Should -BeGreaterThan 0
        $summary.Warnings | Should -BeNullOrEmpty
    }

    It 'exports grants to CSV with one flat row per grant' {
        $csv = Join-Path $TestDrive 'grants.csv'
        Get-OktaSyncGrant -Path $syncFile | Export-Csv -Path $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows.Count | Should -Be $summary.Grants
        $rows[0].PSObject.Properties.Name | Should -Contain 'PrincipalLogin'
    }

    It 'expands group grants to the users who inherit them' {
        $expanded = @(Get-OktaSyncGrant -Path $syncFile -EntitlementId 'role:SUPER_ADMIN:assigned' -Expand | Where-Object PrincipalType -eq 'user')
        $expanded.PrincipalLogin | Sort-Object -Unique | Should -Be @('alice.anderson@acme.example', 'break.glass@acme.example', 'okta.admin@acme.example')
    }
}

Describe 'Provisioning' {
    It 'does nothing under -WhatIf' {
        $state = Get-TestOrgState
        $group = $state.groups | Where-Object { $_.profile.name -eq 'Project Phoenix' }
        $user = $state.users | Where-Object { $_.profile.login -eq 'noah.nguyen@acme.example' }

        $result = Grant-OktaGroupMembership -GroupId $group.id -UserId $user.id -WhatIf

        $result | Should -BeNullOrEmpty
        (Get-TestOrgState).groups | Where-Object id -eq $group.id | ForEach-Object memberIds | Should -BeNullOrEmpty
    }

    It 'grants for real without -WhatIf, and the org shows it' {
        $state = Get-TestOrgState
        $group = $state.groups | Where-Object { $_.profile.name -eq 'Project Phoenix' }

        $result = Grant-OktaGroupMembership -GroupId $group.id -UserId 'noah.nguyen@acme.example'

        $result.Outcome | Should -Be 'Granted'
        $noah = $state.users | Where-Object { $_.profile.login -eq 'noah.nguyen@acme.example' }
        (Get-TestOrgState).groups | Where-Object id -eq $group.id | ForEach-Object memberIds | Should -Be @($noah.id)
    }
}
