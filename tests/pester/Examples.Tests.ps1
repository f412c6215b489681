#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Every PowerShell example of README.md, of the cmdlet help (module/help/*.md) and of the about topics runs
# against a fresh demo org and succeeds (the fixture: tests/pester/README.md, "Examples").

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'Examples.psm1') -Force
    $examples = @(Get-DocumentationExample | Where-Object { -not $_.NotRun } | ForEach-Object { @{ Name = $_.Name; Code = $_.Code } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Examples.psm1') -Force
    $script:fixture = New-ExampleFixture -Path (Join-Path $TestDrive 'fixture')
    $script:runs = 0
}

Describe 'documentation example' {
    It '<Name>' -ForEach $examples {
        $script:runs++
        $shown = Invoke-DocumentationExample -Code $Code -Fixture $fixture -WorkingDirectory (Join-Path $TestDrive "example-$runs")
        $shown | Should -Not -Match '\b(OktaBaton|System)\.[\w.`]+(\[\])?(\s|$)' -Because 'what users see names values, never .NET types'
    }
}

Describe 'examples that are not run' {
    It 'say why, and stay few' {
        $notRun = @(Get-DocumentationExample | Where-Object NotRun -ne $null)
        $notRun | Where-Object { $_.NotRun.Trim().Length -lt 10 } | ForEach-Object Name | Should -BeNullOrEmpty -Because 'a marker explains why the example cannot run here'
        $notRun.Count | Should -BeLessOrEqual 10 -Because "most examples must run: $($notRun.Name -join '; ')"
    }
}
