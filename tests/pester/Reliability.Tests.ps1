#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Reliability promises as users meet them, in real pwsh processes: a sync stopped by a signal (a CI job cancelled,
# `timeout`, a closed terminal) leaves no temporary file with personal data beside its target and keeps the previous
# file; the next sync to a path removes what a killed one left; and the promises a script relies on (a failed
# command never acts afterwards, a query emits a whole file or nothing, `me` is never the admin by accident).
# The full list, with the xunit tests behind each promise: docs/reliability.md.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-BuiltModule
    $script:org = Get-TestOrg

    function script:Start-SyncProcess([string] $Target) {
        # a second pwsh, as a CI job or a scheduled task runs the sync; it connects from BATON_DOMAIN/BATON_API_TOKEN
        $start = [System.Diagnostics.ProcessStartInfo]::new([Environment]::ProcessPath)
        if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { $start.ArgumentList.Add((Join-Path $PSHOME 'pwsh.dll')) }
        foreach ($argument in '-NoLogo', '-NoProfile', '-NonInteractive', '-Command', "Import-Module OktaBaton; Connect-Okta; Invoke-OktaSync -Path '$Target'") {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        [System.Diagnostics.Process]::Start($start)
    }

    function script:Wait-Until([scriptblock] $Condition, [string] $What) {
        $deadline = [DateTime]::UtcNow.AddMinutes(2)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "waited two minutes for $What" }
            Start-Sleep -Milliseconds 100
        }
    }

    function script:Stop-AppsListing {
        # the apps listing hangs: a sync stands still with its temporary files open until it is stopped
        $body = @{ pathPrefix = '/api/v1/apps'; kind = 'Timeout'; count = 20 } | ConvertTo-Json
        Invoke-RestMethod -Method Post -Uri "$($org.SimulatorUrl)/__simulator/faults" -ContentType 'application/json' -Body $body
    }

    function script:Get-Temporary([string] $Directory) { @(Get-ChildItem -LiteralPath $Directory -Filter '*.tmp') }
}

Describe 'a sync stopped by a signal' -Skip:$IsWindows {
    BeforeEach {
        Reset-TestOrg
        $script:dir = (New-Item -ItemType Directory -Path (Join-Path $TestDrive ([guid]::NewGuid().ToString('N')))).FullName
        $script:target = Join-Path $dir 'okta-sync.json'
        Set-Content -LiteralPath $target -Value 'the previous sync'
    }

    It 'leaves no temporary file and keeps the previous file on SIG<Signal>' -ForEach @(@{ Signal = 'TERM' }, @{ Signal = 'HUP' }) {
        Stop-AppsListing
        $child = Start-SyncProcess $target
        Wait-Until { (Get-Temporary $dir).Count -gt 0 } 'the sync to write its temporary files'

        & (Get-Command kill -CommandType Application | Select-Object -First 1) -s $Signal $child.Id
        $child.WaitForExit(120000) | Should -BeTrue -Because 'the signal ends the sync'

        Get-Temporary $dir | Should -BeNullOrEmpty -Because 'the temporary files hold personal data'
        Get-Content -LiteralPath $target | Should -Be 'the previous sync'
    }

    It 'removes, at the next sync to the same path, what a killed sync left behind' {
        Stop-AppsListing
        $child = Start-SyncProcess $target
        Wait-Until { (Get-Temporary $dir).Count -gt 0 } 'the sync to write its temporary files'
        $child.Kill()   # SIGKILL: no process can clean up after that
        $child.WaitForExit(120000) | Should -BeTrue
        (Get-Temporary $dir).Count | Should -BeGreaterThan 0

        Reset-TestOrg
        Connect-Okta
        $summary = Invoke-OktaSync -Path $target

        Get-Temporary $dir | Should -BeNullOrEmpty
        $summary.Users | Should -BeGreaterThan 0
    }
}

Describe 'a command that failed never acts afterwards' {
    BeforeAll {
        Reset-TestOrg
        $script:dir = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'failed')).FullName
        $script:target = Join-Path $dir 'okta-sync.json'
        Connect-Okta
        Invoke-OktaSync -Path $target | Out-Null
        $script:previous = Get-FileHash -LiteralPath $target
    }

    It 'a sync stopped by its own warning (-WarningAction Stop) keeps the previous file' {
        Connect-Okta -ApiToken $org.ReadOnlyToken
        { Invoke-OktaSync -Path $target -WarningAction Stop } | Should -Throw
        (Get-FileHash -LiteralPath $target).Hash | Should -Be $previous.Hash
        Get-Temporary $dir | Should -BeNullOrEmpty
    }

    It 'a sync whose debug prompt cannot be answered (pwsh -NonInteractive) stops and keeps the previous file' {
        $script = "Import-Module OktaBaton; Connect-Okta; `$DebugPreference = 'Inquire'; Invoke-OktaSync -Path '$target'; exit 0"
        { Invoke-Pwsh -Command $script } | Should -Not -Throw
        (Get-FileHash -LiteralPath $target).Hash | Should -Be $previous.Hash
        Get-Temporary $dir | Should -BeNullOrEmpty
    }

    It "`$DebugPreference = 'Continue' traces every request in a job without a console, and never prompts" {
        $script = "Import-Module OktaBaton; Connect-Okta; `$DebugPreference = 'Continue'; Invoke-OktaSync -Path '$(Join-Path $dir 'traced.json')' -ResourceType role 5>&1 | ForEach-Object { `"`$_`" }"
        $lines = Invoke-Pwsh -Command $script
        @($lines | Where-Object { $_ -match '^GET /api/v1/\S+ -> 200 in \d+ ms' }).Count | Should -BeGreaterThan 0
        $lines -join "`n" | Should -Not -Match 'Confirm|Continue with this operation'
    }
}

Describe 'a query reads one whole file or emits nothing' {
    BeforeAll {
        Reset-TestOrg
        Connect-Okta
        $script:dir = (New-Item -ItemType Directory -Path (Join-Path $TestDrive 'queries')).FullName
        $script:whole = Join-Path $dir 'okta-sync.json'
        Invoke-OktaSync -Path $whole | Out-Null
        $bytes = [IO.File]::ReadAllBytes($whole)
        $script:cut = Join-Path $dir 'cut.json'
        [IO.File]::WriteAllBytes($cut, $bytes[0..($bytes.Length * 2 / 3)])
    }

    It 'a cut file gives no grant to Revoke-OktaEntitlement, only an error' {
        $emitted = [System.Collections.Generic.List[object]]::new()
        { Get-OktaSyncGrant -Path $cut -ErrorAction Stop | ForEach-Object { $emitted.Add($_) } } |
            Should -Throw -ErrorId 'OktaSyncFileInvalid*'
        $emitted.Count | Should -Be 0
    }

    It 'a FIFO is refused at once instead of waiting for a writer' -Skip:$IsWindows {
        $fifo = Join-Path $dir 'fifo'
        & (Get-Command mkfifo -CommandType Application | Select-Object -First 1) $fifo
        { Get-OktaSyncResource -Path $fifo -ErrorAction Stop } | Should -Throw -ErrorId 'OktaSyncFilePathInvalid*'
    }
}

Describe 'me is never the connected admin by accident' {
    BeforeAll { Reset-TestOrg; Connect-Okta }

    It 'Disable-OktaUser -UserId me is refused and the admin stays active' {
        { Disable-OktaUser -UserId me -Force -ErrorAction Stop } | Should -Throw -ErrorId 'OktaSelfNotExplicit*'
        (Get-TestOrgState).users | Where-Object { $_.profile.login -eq 'okta.admin@acme.example' } | ForEach-Object status | Should -Be 'ACTIVE'
    }

    It '-Self says it explicitly' {
        (Enable-OktaUser -Self).Login | Should -Be 'okta.admin@acme.example'
    }
}
