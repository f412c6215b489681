#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# An install as users install: `build.ps1 -Task Package` makes the .nupkg, Publish-PSResource puts it in a local
# file repository, Install-PSResource installs it into a throwaway user scope, and a fresh pwsh that knows
# nothing of this repository imports it by name, reads its help and syncs the demo org.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    $script:root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $script:userHome = Join-Path $TestDrive 'home'
    # A user of their own: HOME and the XDG folders hold the repository list and the CurrentUser module path.
    $script:isolated = @{
        HOME            = $userHome
        XDG_DATA_HOME   = Join-Path $userHome '.local/share'
        XDG_CONFIG_HOME = Join-Path $userHome '.config'
        XDG_CACHE_HOME  = Join-Path $userHome '.cache'
        PSModulePath    = $null
    }
    # .NET answers "" for a special folder that does not exist, and PSResourceGet would then write beside the working directory.
    foreach ($folder in $isolated.Keys -like 'XDG_*') { $null = New-Item -ItemType Directory -Path $isolated[$folder] -Force }
    $repository = New-Item -ItemType Directory -Path (Join-Path $TestDrive 'repository')
    $packages = Join-Path $TestDrive 'package'

    & (Join-Path $root 'build.ps1') -Task Package -NoBuild -PackageDirectory $packages 6>$null
    $script:nupkg = @(Get-ChildItem $packages -Filter 'OktaBaton.*.nupkg')

    $null = Invoke-Pwsh -Environment $isolated -Command @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name OktaBatonLocal -Uri '$($repository.FullName)' -Trusted
Publish-PSResource -NupkgPath '$($nupkg[0].FullName)' -Repository OktaBatonLocal
Install-PSResource -Name OktaBaton -Repository OktaBatonLocal -Scope CurrentUser -TrustRepository
"@

    $report = Join-Path $TestDrive 'installed.json'
    $null = Invoke-Pwsh -Environment $isolated -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module OktaBaton
`$module = Get-Module OktaBaton
`$help = foreach (`$command in Get-Command -Module OktaBaton) {
    `$full = Get-Help `$command.Name -Full
    [pscustomobject]@{
        Name     = `$command.Name
        HelpUri  = `$command.HelpUri
        Synopsis = `$full.Synopsis
        Examples = @(`$full.examples.example).Count
        Inputs   = @(`$full.inputTypes.inputType.type.name)
        Outputs  = @(`$full.returnValues.returnValue.type.name)
        Online   = @(`$full.relatedLinks.navigationLink | Where-Object linkText -eq 'Online Version:' | ForEach-Object uri)
        Declared = @(`$command.OutputType.Name)
        Piped    = @(`$command.Parameters.Values | Where-Object { `$_.Attributes | Where-Object { `$_ -is [Parameter] -and (`$_.ValueFromPipeline -or `$_.ValueFromPipelineByPropertyName) } } | ForEach-Object { `$_.ParameterType.FullName } | Sort-Object -Unique)
        Text     = `$full | Out-String -Width 200
    }
}
Connect-Okta
`$sync = Invoke-OktaSync -Path (Join-Path '$TestDrive' 'installed-sync.json')
[pscustomobject]@{
    ModuleBase  = `$module.ModuleBase
    Version     = `$module.Version.ToString()
    PSData      = `$module.PrivateData.PSData
    HelpInfoUri = `$module.HelpInfoUri
    Help        = @(`$help)
    Users       = `$sync.Users
    Grants      = `$sync.Grants
} | ConvertTo-Json -Depth 5 | Set-Content -LiteralPath '$report'
"@
    $script:installed = Get-Content -Raw $report | ConvertFrom-Json
    $script:manifest = Import-PowerShellDataFile (Join-Path $root 'module/OktaBaton.psd1')
}

Describe 'the package' {
    It 'is one .nupkg named for the module and its version' {
        $nupkg.Name | Should -Be "OktaBaton.$($installed.Version).nupkg"
    }

    It 'installs into the user scope and imports by name from there, not from this repository' {
        $installed.ModuleBase | Should -BeLike "$userHome*"
        $installed.ModuleBase | Should -Not -BeLike "$root*"
    }

    It 'carries the gallery metadata, pointing at files that exist' {
        $installed.PSData.ProjectUri | Should -Be 'https://github.com/oktabaton/oktabaton'
        foreach ($uri in $installed.PSData.LicenseUri, $installed.PSData.ReleaseNotes) {
            $uri | Should -Match '^https://github\.com/oktabaton/oktabaton/blob/main/'
            Join-Path $root ($uri -replace '^.*/blob/main/', '') | Should -Exist
        }
        # the full help ships in the module; a HelpInfoUri with no HelpInfo.xml behind it fails every Update-Help run
        $installed.HelpInfoUri | Should -BeNullOrEmpty
    }

    It 'exports every cmdlet the manifest names' {
        $installed.Help.Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
    }

    It 'syncs the demo org' {
        $installed.Users | Should -Be @((Get-TestOrgState).users).Count
        $installed.Grants | Should -BeGreaterThan 0
    }
}

Describe 'installed help for <Name>' -ForEach @(
    (Import-PowerShellDataFile (Join-Path $PSScriptRoot '../../module/OktaBaton.psd1')).CmdletsToExport | ForEach-Object { @{ Name = $_ } }
) {
    BeforeAll { $script:help = $installed.Help | Where-Object Name -eq $Name }

    It 'has a synopsis and examples' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *" -Because 'a synopsis that is the syntax means the help file was not found'
        $help.Examples | Should -BeGreaterThan 0
    }

    It 'links to its online help, which is its markdown in the repository' {
        $help.HelpUri | Should -Be "https://github.com/oktabaton/oktabaton/blob/main/module/help/$Name.md"
        $help.Online | Should -Be $help.HelpUri
        Join-Path $root "module/help/$Name.md" | Should -Exist
    }

    It 'names its inputs and outputs: the types its parameters bind from the pipeline and its [OutputType]' {
        $help.Inputs | Sort-Object | Should -Be @(if ($help.Piped) { $help.Piped } else { 'None' })
        $help.Outputs | Sort-Object | Should -Be @(if ($help.Declared) { $help.Declared | Sort-Object } else { 'None' })
        $help.Text | Should -Match '(?m)^INPUTS\s*$'
        $help.Text | Should -Match '(?m)^OUTPUTS\s*$'
    }
}
