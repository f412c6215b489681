#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# The user-facing contract of the module, run against the simulator's demo org:
#   dotnet build OktaBaton.sln -c Release; Invoke-Pester ./tests/pester -CI

BeforeAll {
    $root = Resolve-Path (Join-Path $PSScriptRoot '../..')
    Import-Module (Join-Path $root 'out/OktaBaton/OktaBaton.psd1') -Force

    $plainToken = 'pester-' + [guid]::NewGuid().ToString('N')
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($arg in 'run', '--project', (Join-Path $root 'src/OktaBaton.Simulator'), '-c', 'Release', '--', '--org', 'demo', '--port', '0', '--token', $plainToken) {
        $startInfo.ArgumentList.Add($arg)
    }
    $startInfo.RedirectStandardOutput = $true
    $script:simulator = [System.Diagnostics.Process]::Start($startInfo)
    $firstLine = $script:simulator.StandardOutput.ReadLine()
    if ($firstLine -notmatch '^Listening on http://(?<domain>127\.0\.0\.1:\d+)$') { throw "simulator did not start: $firstLine" }
    $script:domain = $Matches.domain
    $script:token = ConvertTo-SecureString $plainToken -AsPlainText -Force
    $script:syncFile = Join-Path $TestDrive 'sync.json'
    Connect-Okta -Domain $script:domain -ApiToken $script:token
}

AfterAll {
    Disconnect-Okta
    if ($script:simulator -and -not $script:simulator.HasExited) { $script:simulator.Kill($true) }
}

Describe 'Connect-Okta' {
    It 'shows the connection without the token' {
        $connection = Get-OktaConnection
        $connection.Domain | Should -Be $script:domain
        $connection.AuthMethod | Should -Be 'ApiToken'
        ($connection | Out-String) | Should -Not -Match 'pester-'
    }

    It 'rejects a bad token with a categorised error' {
        { Connect-Okta -Domain $script:domain -ApiToken (ConvertTo-SecureString 'wrong' -AsPlainText -Force) -ErrorAction Stop } |
            Should -Throw -ErrorId 'OktaAuthenticationFailed*'
    }
}

Describe 'Invoke-OktaSync and offline queries' {
    BeforeAll { $script:summary = Invoke-OktaSync -Path $script:syncFile -SyncCustomRoles -SyncSecrets }

    It 'writes a sync file and reports counts' {
        $script:syncFile | Should -Exist
        $script:summary.Grants | Should -BeGreaterThan 0
    }

    It 'exports grants to CSV with one flat row per grant' {
        $csv = Join-Path $TestDrive 'grants.csv'
        Get-OktaSyncGrant -Path $script:syncFile | Export-Csv -Path $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows.Count | Should -Be (Get-OktaSyncGrant -Path $script:syncFile).Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'PrincipalLogin'
    }

    It 'expands group grants to the users who inherit them' {
        $direct = @(Get-OktaSyncGrant -Path $script:syncFile -EntitlementId 'role:SUPER_ADMIN:assigned')
        $expanded = @(Get-OktaSyncGrant -Path $script:syncFile -EntitlementId 'role:SUPER_ADMIN:assigned' -Expand)
        $expanded.Count | Should -BeGreaterThan $direct.Count
        $expanded | Where-Object Via | Should -Not -BeNullOrEmpty
    }
}

Describe 'Provisioning' {
    It 'does nothing under -WhatIf' {
        $group = Get-OktaSyncResource -Path $script:syncFile -ResourceType group | Where-Object { $_.Profile.type -eq 'OKTA_GROUP' } | Select-Object -First 1
        $user = Get-OktaSyncResource -Path $script:syncFile -ResourceType user | Select-Object -First 1
        $result = Grant-OktaGroupMembership -GroupId $group.ResourceId -UserId $user.ResourceId -WhatIf
        $result | Should -BeNullOrEmpty
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
        (Get-OktaRoleAssignment -UserId alice.anderson@acme.example).RoleType | Sort-Object | Should -Be @('APP_ADMIN', 'HELP_DESK_ADMIN')
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
        @(Invoke-OktaRestMethod '/api/v1/iam/roles?limit=2' -All).Count | Should -Be 6
        { Invoke-OktaRestMethod https://example.com/api/v1/users -ErrorAction Stop } | Should -Throw -ErrorId 'OktaInvalidArgument*'
    }
}
