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

        $result = Grant-OktaGroupMembership -GroupId $group.id -UserId 'carol.chen@acme.example'

        $result.Outcome | Should -Be 'Granted'
        $carol = $state.users | Where-Object { $_.profile.login -eq 'carol.chen@acme.example' }
        (Get-TestOrgState).groups | Where-Object id -eq $group.id | ForEach-Object memberIds | Should -Be @($carol.id)
    }
}

Describe 'Look things up live' {
    It 'reads one user by login and a searched list across pages' {
        $alice = Get-OktaUser alice.anderson@acme.example
        $alice.Status | Should -Be 'ACTIVE'
        $alice.Profile.department | Should -Be 'Engineering'
        @(Get-OktaUser -Search 'profile.lastName sw "User"').Count | Should -Be 230
        @(Get-OktaUser | Select-Object -First 5).Count | Should -Be 5
    }

    It 'answers a bad search with the Okta error, categorised' {
        { Get-OktaUser -Search 'status ne "ACTIVE"' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*E0000031*'
        $err = $null
        Get-OktaUser -Search 'nonsense eq "x"' -ErrorAction SilentlyContinue -ErrorVariable err
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
    }

    It 'lists group members that pipe into Revoke-OktaGroupMembership' {
        $before = @(Get-OktaGroupMember -GroupId 'Finance Approvers')
        $before.Count | Should -Be 3
        $results = Get-OktaGroupMember -GroupId 'Finance Approvers' | Where-Object Status -ne 'ACTIVE' | Revoke-OktaGroupMembership -Confirm:$false
        $results.Outcome | Should -Be 'Revoked'
        @(Get-OktaGroupMember -GroupId 'Finance Approvers').Count | Should -Be 2
    }

    It 'pipes searched users into Disable-OktaUser -WhatIf without changing anyone' {
        Get-OktaUser -Search 'profile.department eq "Sales"' -Status ACTIVE | Disable-OktaUser -WhatIf
        (Get-OktaUser maya.miller@acme.example).Status | Should -Be 'ACTIVE'
    }

    It 'shows app assignments with their scope and admin roles with how they are held' {
        $zoom = Get-OktaAppAssignment -UserId alice.anderson@acme.example | Where-Object AppLabel -eq 'Zoom'
        $zoom.Scope | Should -Be 'GROUP'
        $roles = Get-OktaRoleAssignment -UserId alice.anderson@acme.example
        ($roles | Where-Object AssignmentType -eq 'USER').RoleType | Sort-Object | Should -Be @('APP_ADMIN', 'HELP_DESK_ADMIN')
        ($roles | Where-Object AssignmentType -eq 'GROUP').RoleType | Sort-Object | Should -Be @('CUSTOM', 'HELP_DESK_ADMIN', 'SUPER_ADMIN') -Because 'she holds these through Okta Admins, Engineering and Help Desk'
    }

    It 'exports users to CSV with the profile in one cell' {
        $csv = Join-Path $TestDrive 'users.csv'
        Get-OktaUser -Query alice | Export-Csv -Path $csv -NoTypeInformation
        $row = Import-Csv $csv | Select-Object -First 1
        $row.Login | Should -Be 'alice.anderson@acme.example'
        ($row.Profile | ConvertFrom-Json).department | Should -Be 'Engineering'
    }

    It 'finds every change it made in the System Log with Okta event types' {
        $since = (Get-Date).AddMinutes(-10)
        $phoenix = Get-OktaGroup -Name 'Project Phoenix'
        Grant-OktaGroupMembership -GroupId $phoenix.Id -UserId noah.nguyen@acme.example | Out-Null
        Set-OktaGroup -GroupId $phoenix.Id -Description 'Kick-off done' -Confirm:$false | Out-Null
        $events = Get-OktaLog -Since $since -Filter "target.id eq `"$($phoenix.Id)`""
        $events.EventType | Should -Contain 'group.user_membership.add'
        $events.EventType | Should -Contain 'group.profile.update'
        (Get-OktaLog -Since $since -EventType group.user_membership.remove).Count | Should -BeGreaterOrEqual 1
        { Get-OktaLog -Filter 'eventType eqq "x"' -ErrorAction Stop } | Should -Throw -ExpectedMessage '*E0000053*'
    }

    It 'calls any API path but never another host' {
        (Invoke-OktaRestMethod /api/v1/users/me).profile.login | Should -Be 'okta.admin@acme.example'
        $holders = @(@((Get-TestOrgState).userRoles) | Where-Object status -eq 'ACTIVE' | Select-Object -ExpandProperty userId -Unique).Count
        @(Invoke-OktaRestMethod '/api/v1/iam/assignees/users?limit=1' -All).Count | Should -Be $holders -Because 'the admin-role holders page in the body, one a page (Okta takes a limit here, not on /iam/roles)'
        { Invoke-OktaRestMethod https://example.com/api/v1/users -ErrorAction Stop } | Should -Throw -ErrorId 'OktaInvalidArgument*'
    }
}
