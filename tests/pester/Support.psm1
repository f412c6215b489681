# Helpers for tests/pester files. The fixture every file gets from the harness (tests/OktaBaton.Pester.Tests)
# is a freshly seeded simulated demo org of its own: see tests/pester/README.md.

function Get-TestOrg {
    <# The file's demo org: domain, super-admin token (SecureString) and the simulator's admin URL. #>
    foreach ($name in 'BATON_DOMAIN', 'BATON_API_TOKEN', 'OKTABATON_READONLY_TOKEN', 'OKTABATON_SIMULATOR_URL') {
        if (-not [Environment]::GetEnvironmentVariable($name)) {
            throw "$name is not set: run these tests with 'dotnet test tests/OktaBaton.Pester.Tests', which gives each file a simulated demo org (tests/pester/README.md)."
        }
    }
    if ($env:BATON_DOMAIN -notmatch '^127\.0\.0\.1:\d+$') {
        throw "BATON_DOMAIN is '$env:BATON_DOMAIN': these tests change the org, so they run only against the simulator on 127.0.0.1."
    }
    [pscustomobject]@{
        Domain        = $env:BATON_DOMAIN
        Token         = ConvertTo-SecureString $env:BATON_API_TOKEN -AsPlainText -Force
        ReadOnlyToken = ConvertTo-SecureString $env:OKTABATON_READONLY_TOKEN -AsPlainText -Force
        SimulatorUrl  = $env:OKTABATON_SIMULATOR_URL
    }
}

function Import-BuiltModule {
    <# The module this repository builds (out/OktaBaton), never an installed copy. #>
    Import-Module (Join-Path $PSScriptRoot '../../out/OktaBaton/OktaBaton.psd1') -Force -Global
}

function Reset-TestOrg {
    <# Back to the demo org as seeded: same ids, no changes, no stats. #>
    $null = Invoke-RestMethod -Method Post -Uri "$((Get-TestOrg).SimulatorUrl)/__simulator/reset"
}

function Get-TestOrgState {
    <# The whole org as the simulator holds it: the independent truth to assert against. #>
    Invoke-RestMethod -Uri "$((Get-TestOrg).SimulatorUrl)/__simulator/state"
}

function Invoke-Pwsh {
    <#
    Runs a script in a fresh pwsh process (the same pwsh as this one) with this environment plus -Environment,
    and returns what it printed; throws when it exits non-zero.
    #>
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Environment = @{}
    )
    $executable = [Environment]::ProcessPath
    $arguments = @()
    if ([IO.Path]::GetFileNameWithoutExtension($executable) -eq 'dotnet') { $arguments += Join-Path $PSHOME 'pwsh.dll' }
    $arguments += '-NoLogo', '-NoProfile', '-NonInteractive', '-Command', $Command
    $saved = @{}
    foreach ($name in $Environment.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Environment[$name])
    }
    try {
        $output = & $executable @arguments 2>&1 | ForEach-Object { "$_" }
        if ($LASTEXITCODE -ne 0) { throw "pwsh exited with $LASTEXITCODE`n$($output -join "`n")" }
        $output
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

Export-ModuleMember -Function Get-TestOrg, Import-BuiltModule, Reset-TestOrg, Get-TestOrgState, Invoke-Pwsh
