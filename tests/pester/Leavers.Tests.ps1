#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# Leavers, profiles, devices and baton's settings as users meet them in pwsh: CSV rows piped in, result tables,
# -WhatIf, environment variables, the leaver flow script. Each check reads the simulator's state as the truth.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-BuiltModule
    $org = Get-TestOrg
    Connect-Okta -Domain $org.Domain -ApiToken $org.Token

    function Get-StatusOf([string] $Login) {
        ((Get-TestOrgState).users | Where-Object { $_.profile.login -eq $Login }).status
    }

    $script:everyStatus = [ordered]@{
        'jack.jones@acme.example'     = 'STAGED'
        'henry.hughes@acme.example'   = 'PROVISIONED'
        'alice.anderson@acme.example' = 'ACTIVE'
        'iris.ito@acme.example'       = 'RECOVERY'
        'frank.fischer@acme.example'  = 'LOCKED_OUT'
        'grace.garcia@acme.example'   = 'PASSWORD_EXPIRED'
        'dave.davis@acme.example'     = 'SUSPENDED'
        'erin.evans@acme.example'     = 'DEPROVISIONED'
    }
    $script:leaversCsv = Join-Path $TestDrive 'every-status.csv'
    $everyStatus.Keys | ForEach-Object { [pscustomobject]@{ Login = $_; Reason = 'leaver' } } | Export-Csv $leaversCsv -NoTypeInformation
}

Describe 'The lifecycle cmdlets, one user of every status piped in from a CSV' {
    BeforeEach { Reset-TestOrg }

    It 'Disable-OktaUser suspends the ACTIVE user, leaves the disabled ones and refuses the rest before any write' {
        $results = Import-Csv $leaversCsv | Disable-OktaUser -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable failures
        $results.Outcome | Should -Be @('AlreadyDisabled', 'Disabled', 'AlreadyDisabled', 'AlreadyDisabled')
        $failures.FullyQualifiedErrorId | ForEach-Object { ($_ -split ',')[0] } | Should -Be (@('OktaInvalidUserStatus') * 4)
        $failures[0].Exception.Message | Should -Match 'PROVISIONED'
        Get-StatusOf 'alice.anderson@acme.example' | Should -Be 'SUSPENDED'
        Get-StatusOf 'grace.garcia@acme.example' | Should -Be 'PASSWORD_EXPIRED' -Because 'Okta cannot suspend her, and nothing was sent'
    }

    It 'Remove-OktaUser deactivates every status and keeps the records' {
        $results = Import-Csv $leaversCsv | Remove-OktaUser -Confirm:$false
        $results.Outcome | Should -Be (@('Deactivated') * 7 + 'AlreadyDeactivated')
        foreach ($login in $everyStatus.Keys) { Get-StatusOf $login | Should -Be 'DEPROVISIONED' -Because $login }
    }

    It 'Restore-OktaUser, Unlock-OktaUser and Request-OktaPasswordChange act only where Okta allows' {
        (Import-Csv $leaversCsv | Restore-OktaUser -Confirm:$false).Outcome | Should -Be (@('NotDeactivated') * 7 + 'Reactivated')
        (Import-Csv $leaversCsv | Unlock-OktaUser -Confirm:$false).Outcome | Should -Be (@('NotLockedOut') * 4 + 'Unlocked' + @('NotLockedOut') * 3)
        $expired = Import-Csv $leaversCsv | Request-OktaPasswordChange -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $expired.Outcome | Should -Be @('PasswordExpired', 'PasswordExpired', 'AlreadyPasswordExpired')
        $refused.Count | Should -Be 5
        Get-StatusOf 'erin.evans@acme.example' | Should -Be 'PROVISIONED'
        Get-StatusOf 'frank.fischer@acme.example' | Should -Be 'PASSWORD_EXPIRED' -Because 'unlocked first, then his password expired'
    }

    It 'shows results as a table that names what changed' {
        $table = Reset-OktaUserFactor -UserId alice.anderson@acme.example -Confirm:$false | Out-String -Width 200
        $table | Should -Match 'ResetFactors\s+FactorsReset\s+alice\.anderson@acme\.example'
        $table | Should -Match 'push, token:software:totp'
        ((Get-TestOrgState).users | Where-Object { $_.profile.login -eq 'alice.anderson@acme.example' }).factors | Should -BeNullOrEmpty
    }

    It 'asks before removing a user (ConfirmImpact High) and -WhatIf sends nothing' {
        (Get-Command Remove-OktaUser).ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false).ConfirmImpact | Should -Be 'High'
        $before = Get-TestOrgState | ConvertTo-Json -Depth 20
        Remove-OktaUser -UserId noah.nguyen@acme.example -Permanent -WhatIf | Should -BeNullOrEmpty
        Get-TestOrgState | ConvertTo-Json -Depth 20 | Should -Be $before
    }

    It 'deletes for good with -Permanent, and a login that matches nobody is an error, not a success' {
        $deleted = Remove-OktaUser -UserId noah.nguyen@acme.example -Permanent -Confirm:$false
        $deleted.Outcome | Should -Be 'Deleted'
        (Get-TestOrgState).users.profile.login | Should -Not -Contain 'noah.nguyen@acme.example'
        { Remove-OktaUser -UserId noah.nguyen@acme.example -Permanent -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'OktaUserNotFound*'
        (Remove-OktaUser -UserId $deleted.UserId -Permanent -Confirm:$false).Outcome | Should -Be 'AlreadyDeleted'
    }
}

Describe 'Set-OktaUser from an HR export' {
    BeforeAll { Reset-TestOrg }

    It 'updates the typed and the extra columns, sends nothing for unchanged rows and names what Okta refuses' {
        $hr = Join-Path $TestDrive 'hr.csv'
        @(
            [pscustomobject]@{ Login = 'liam.lopez@acme.example'; Title = 'QA Lead'; Department = 'Engineering'; employeeIdNumber = 'E-1012'; shoeSize = '' }
            [pscustomobject]@{ Login = 'noah.nguyen@acme.example'; Title = 'SRE'; Department = 'Engineering'; employeeIdNumber = ''; shoeSize = '' }
            [pscustomobject]@{ Login = 'kate.kim@acme.example'; Title = 'Automation Lead'; Department = 'IT'; employeeIdNumber = ''; shoeSize = '44' }
        ) | Export-Csv $hr -NoTypeInformation
        $results = Import-Csv $hr | Set-OktaUser -ExtraColumnsAsAttributes -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $results.Outcome | Should -Be @('Updated', 'Unchanged')
        $results[0].Changed | Should -Be @('title', 'employeeIdNumber')
        ($refused[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'OktaProfileRejected'
        $refused[0].Exception.Message | Should -Match 'shoeSize'
        $liam = ((Get-TestOrgState).users | Where-Object { $_.profile.login -eq 'liam.lopez@acme.example' }).profile
        $liam.title | Should -Be 'QA Lead'
        $liam.employeeIdNumber | Should -Be 'E-1012'
        $liam.firstName | Should -Be 'Liam' -Because 'a partial update leaves the rest'
    }
}

Describe "baton-okta's settings in the environment" {
    BeforeAll {
        Reset-TestOrg
        $sync = Join-Path $TestDrive 'env.json'
    }
    AfterEach {
        Remove-Item env:BATON_SYNC_CUSTOM_ROLES, env:BATON_FILTER_EMAIL_DOMAINS, env:BATON_SYNC_SECRETS -ErrorAction SilentlyContinue
    }

    It 'gives the options not passed, and the summary and the file header say which' {
        $env:BATON_SYNC_CUSTOM_ROLES = 'true'
        $env:BATON_FILTER_EMAIL_DOMAINS = 'contractors.example'
        $summary = Invoke-OktaSync -Path $sync
        $summary.CustomRoles | Should -BeGreaterThan 0
        $summary.Users | Should -Be @((Get-TestOrgState).users | Where-Object { $_.profile.login -like '*@contractors.example' }).Count
        $summary.FromEnvironment | Should -Be @('-SyncCustomRoles from BATON_SYNC_CUSTOM_ROLES=true', '-EmailDomain from BATON_FILTER_EMAIL_DOMAINS=contractors.example')
        ($summary | Format-List | Out-String) | Should -Match 'FromEnvironment'
        $header = (Get-Content $sync -Raw | ConvertFrom-Json).options
        $header.fromEnvironment.syncCustomRoles | Should -Be 'BATON_SYNC_CUSTOM_ROLES'
        $header.emailDomains | Should -Be @('contractors.example')
    }

    It 'lets an explicit parameter win' {
        $env:BATON_SYNC_CUSTOM_ROLES = 'true'
        $summary = Invoke-OktaSync -Path $sync -SyncCustomRoles:$false
        $summary.CustomRoles | Should -Be 0
        $summary.FromEnvironment | Should -BeNullOrEmpty
    }

    It 'refuses a value that is not one, naming the variable, before any request' {
        $env:BATON_SYNC_SECRETS = 'maybe'
        { Invoke-OktaSync -Path (Join-Path $TestDrive 'never.json') -ErrorAction Stop } | Should -Throw -ExpectedMessage "*BATON_SYNC_SECRETS='maybe'*"
        Join-Path $TestDrive 'never.json' | Should -Not -Exist
    }
}

Describe 'Devices' {
    It 'are synced only with -SyncDevices, each with the users it belongs to' {
        $sync = Join-Path $TestDrive 'devices.json'
        (Invoke-OktaSync -Path (Join-Path $TestDrive 'plain.json')).ResourceCounts.Keys | Should -Not -Contain 'device'
        $summary = Invoke-OktaSync -Path $sync -SyncDevices
        $summary.Devices | Should -Be @((Get-TestOrgState).devices).Count
        ($summary | Format-List | Out-String) | Should -Match 'Devices\s+:\s+\d'
        $lab = Get-OktaSyncResource -Path $sync -ResourceType device | Where-Object DisplayName -eq 'ENG-LAB-07'
        $expected = ((Get-TestOrgState).devices | Where-Object displayName -eq 'ENG-LAB-07').userIds
        $lab.Profile.userIds | Should -Be $expected
        $lab.Resource.Trait('managed_device').GetString('serialNumber') | Should -Be 'MJ0GHT52'
    }
}

Describe 'The leaver flow' {
    BeforeAll { Reset-TestOrg }

    It 'revokes, deactivates and re-syncs to prove nothing is left' {
        $script = Join-Path $PSScriptRoot '../../examples/Invoke-LeaverOffboarding.ps1'
        $report = & $script -Login carol.chen@acme.example -SyncPath (Join-Path $TestDrive 'before.json') -VerifyPath (Join-Path $TestDrive 'after.json') -Confirm:$false |
            Select-Object -Last 1
        $report.Status | Should -Be 'DEPROVISIONED'
        $report.RemainingGrants | Should -BeNullOrEmpty
        $carol = ((Get-TestOrgState).users | Where-Object { $_.profile.login -eq 'carol.chen@acme.example' }).id
        (Get-TestOrgState).groups | Where-Object { $_.memberIds -contains $carol } | Should -BeNullOrEmpty
        (Get-TestOrgState).userRoles | Where-Object userId -eq $carol | Should -BeNullOrEmpty
    }
}
