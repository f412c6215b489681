#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Invoke-OktaSync -Incremental / -Since, in real pwsh against this file's own demo org (see tests/pester/README.md).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-BuiltModule
    $script:org = Get-TestOrg
    Connect-Okta -Domain $org.Domain -ApiToken $org.Token
}

AfterAll {
    Disconnect-Okta
}

Describe 'Invoke-OktaSync -Incremental' {
    BeforeAll {
        $script:refreshFile = Join-Path $TestDrive 'refreshed.json'
        $script:first = Invoke-OktaSync -Path $script:refreshFile -Incremental
        $sales = Get-OktaGroup -Name 'Sales'
        Grant-OktaGroupMembership -GroupId $sales.Id -UserId (Get-OktaUser olga.orlov@acme.example).Id -Confirm:$false | Out-Null
        $script:second = Invoke-OktaSync -Path $script:refreshFile -Incremental
        $script:fullFile = Join-Path $TestDrive 'full.json'
        $script:full = Invoke-OktaSync -Path $script:fullFile

        # a sync file's lines, less what differs between any two syncs of one org: ids, times and what it cost
        function Get-SyncContent([string] $Path) {
            Get-Content $Path | Where-Object { $_ -notmatch '^"(syncId|startedAt|completedAt|orgStartedAt|refreshedFrom|end)":' } |
                ForEach-Object { $_ -replace '^"stats":\{"requests":\d+,"retries":\d+,"durationMs":\d+,', '"stats":{' }
        }
    }

    It 'syncs in full the first time, and says why' {
        $script:first.Mode | Should -Be 'Full'
        $script:first.ModeReason | Should -Match 'there is no earlier sync file'
    }

    It 'then refreshes the file in place from the System Log, with fewer requests' {
        $script:second.Mode | Should -Be 'Incremental'
        $script:second.RefreshedFrom | Should -Be $script:first.SyncId
        $script:second.Requests | Should -BeLessThan $script:full.Requests
        $script:second.RequestsSaved | Should -BeGreaterThan 0
    }

    It 'writes the bytes a full sync writes' {
        $refreshed = Get-SyncContent $script:refreshFile
        $full = Get-SyncContent $script:fullFile
        $refreshed.Count | Should -Be $full.Count
        Compare-Object $refreshed $full -SyncWindow 0 | Should -BeNullOrEmpty
        @(Get-OktaSyncGrant -Path $script:refreshFile -EntitlementId "group:$((Get-OktaGroup -Name 'Sales').Id):member" |
            Where-Object PrincipalLogin -eq 'olga.orlov@acme.example').Count | Should -Be 1
    }

    It 'shows the mode, and the requests saved or the reason, in its summary' {
        $view = $script:second | Out-String
        $view | Should -Match 'Mode\s+: Incremental'
        $view | Should -Match 'RequestsSaved\s+: \d+'
        $view | Should -Not -Match 'Reason'
        $script:first | Out-String | Should -Match 'Reason\s+: there is no earlier sync file'
    }

    It 'says in Get-OktaSyncInfo which file a refresh came from' {
        $refreshed = Get-OktaSyncInfo -Path $script:refreshFile
        $refreshed.Mode | Should -Be 'Incremental'
        $refreshed.RefreshedFrom | Should -Be $script:first.SyncId
        $refreshed | Out-String | Should -Match 'Mode\s+: Incremental'
        $full = Get-OktaSyncInfo -Path $script:fullFile
        $full.Mode | Should -Be 'Full'
        $full.RefreshedFrom | Should -BeNullOrEmpty
    }

    It 'refuses -Since with -Incremental before it reads anything' {
        { Invoke-OktaSync -Path $script:refreshFile -Since $script:fullFile -Incremental -ErrorAction Stop } | Should -Throw -ErrorId 'OktaInvalidArgument*'
    }
}
