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
