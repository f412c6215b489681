@{
    RootModule           = 'OktaBaton.PowerShell.dll'
    ModuleVersion        = '@MODULE_VERSION@'
    GUID                 = '5b0f4c3e-8a51-4f0e-9d0b-0e7a4d8c2b61'
    Author               = 'OktaBaton contributors'
    CompanyName          = 'OktaBaton'
    Copyright            = '(c) OktaBaton contributors'
    Description          = 'Sync an Okta org''s identities and access into JSON sync files and provision access back.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('OktaBaton.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Okta'
        'Disconnect-Okta'
        'Get-OktaConnection'
        'Invoke-OktaSync'
        'Get-OktaSyncResource'
        'Get-OktaSyncEntitlement'
        'Get-OktaSyncGrant'
        'Compare-OktaSync'
        'Get-OktaSyncInfo'
        'Grant-OktaGroupMembership'
        'Revoke-OktaGroupMembership'
        'Grant-OktaAppAssignment'
        'Revoke-OktaAppAssignment'
        'Grant-OktaRole'
        'Revoke-OktaRole'
        'Grant-OktaEntitlement'
        'Revoke-OktaEntitlement'
        'New-OktaUser'
        'Enable-OktaUser'
        'Disable-OktaUser'
        'Remove-OktaUser'
        'Restore-OktaUser'
        'Unlock-OktaUser'
        'Request-OktaPasswordChange'
        'Reset-OktaUserFactor'
        'Set-OktaUser'
        'New-OktaGroup'
        'Set-OktaGroup'
        'Remove-OktaGroup'
        'Get-OktaUser'
        'Get-OktaGroup'
        'Get-OktaGroupMember'
        'Get-OktaApp'
        'Get-OktaAppAssignment'
        'Get-OktaRoleAssignment'
        'Get-OktaLog'
        'Invoke-OktaRestMethod'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    # No HelpInfoUri: the full help (en-US MAML and about topic) ships in the module, and Update-Help skips a module
    # without one rather than failing on a page that holds no HelpInfo.xml.
    PrivateData          = @{
        PSData = @{
            Tags         = @('Okta', 'Identity', 'Governance', 'IGA', 'Baton', 'PSEdition_Desktop', 'PSEdition_Core')
            ProjectUri   = 'https://github.com/oktabaton/oktabaton'
            LicenseUri   = 'https://github.com/oktabaton/oktabaton/blob/main/LICENSE'
            ReleaseNotes = 'https://github.com/oktabaton/oktabaton/blob/main/CHANGELOG.md'
        }
    }
}
