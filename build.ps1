#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, packages and demonstrates OktaBaton. A thin wrapper: every task is one or two dotnet
    commands, the same ones README.md gives for machines without pwsh.
.EXAMPLE
    ./build.ps1                 # Build (Release) -> out/OktaBaton
.EXAMPLE
    ./build.ps1 -Task Test      # every test: xunit, and each Pester It in the pinned pwsh (what CI runs)
.EXAMPLE
    ./build.ps1 -Task Package   # Build (Release), then out/package/OktaBaton.<version>.nupkg for PSResourceGet
.EXAMPLE
    ./build.ps1 -Task Demo      # the main job against the embedded simulated org
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package', 'Demo', 'Clean')]
    [string[]] $Task = @('Build'),

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release',

    # Package: where the .nupkg goes (default out/package)
    [string] $PackageDirectory,

    # Package: take out/OktaBaton as it is, without building first
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$root = $PSScriptRoot
$solution = Join-Path $root 'OktaBaton.sln'
$moduleDir = Join-Path $root 'out/OktaBaton'

function Invoke-Dotnet {
    param([Parameter(Mandatory)] [string[]] $Arguments)
    Write-Host "dotnet $($Arguments -join ' ')" -ForegroundColor Cyan
    & dotnet @Arguments
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($Arguments[0]) failed with exit code $LASTEXITCODE" }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' {
            Invoke-Dotnet 'build', $solution, '-c', $Configuration
            Write-Host "Module: $moduleDir  (Import-Module $moduleDir)"
        }
        'Test' {
            # The Pester files run inside dotnet test (tests/OktaBaton.Pester.Tests), in the pwsh and Pester the build restores.
            Invoke-Dotnet 'test', $solution, '-c', $Configuration
        }
        'Package' {
            if (-not $NoBuild) { Invoke-Dotnet 'build', $solution, '-c', 'Release' }
            # A .nupkg as PowerShell repositories serve it (Publish-PSResource -NupkgPath, Install-PSResource).
            if (-not $PackageDirectory) { $PackageDirectory = Join-Path $root 'out/package' }
            $null = New-Item -ItemType Directory -Path $PackageDirectory -Force
            $package = Compress-PSResource -Path $moduleDir -DestinationPath $PackageDirectory -PassThru
            Write-Host "Package: $($package.FullName)"
        }
        'Demo' {
            Invoke-Dotnet 'run', '--project', (Join-Path $root 'src/OktaBaton.Demo'), '-c', $Configuration
        }
        'Clean' {
            Invoke-Dotnet 'clean', $solution, '-c', $Configuration
            Remove-Item -Recurse -Force -ErrorAction Ignore (Join-Path $root 'out')
        }
    }
}
