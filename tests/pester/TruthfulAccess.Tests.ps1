#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# How access is held, as a user meets it in pwsh: one line per holder in Export-Csv, records that read as sentences in
# a failing Should, names (not numbers) in ConvertTo-Json, revokes that never report access gone while it remains,
# scoped admin roles, filters that refuse to answer nothing, and what a sync file is. The simulator's state is the truth.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-BuiltModule
    $script:org = Get-TestOrg
    Connect-Okta -Domain $org.Domain -ApiToken $org.Token

    function Get-IdOf([string] $Collection, [string] $Name) {
        $state = Get-TestOrgState
        switch ($Collection) {
            'users' { ($state.users | Where-Object { $_.profile.login -eq $Name }).id }
            'groups' { ($state.groups | Where-Object { $_.profile.name -eq $Name }).id }
            'apps' { ($state.apps | Where-Object { $_.label -eq $Name }).id }
        }
    }

    function New-Sync([string] $Name) {
        $path = Join-Path $TestDrive $Name
        $null = Invoke-OktaSync -Path $path -SyncCustomRoles
        $path
    }
}

Describe 'Who holds what, and how' {
    BeforeAll {
        Reset-TestOrg
        $script:syncFile = New-Sync 'sync.json'
        $script:admins = Get-IdOf groups 'Okta Admins'
    }

    It 'Export-Csv gives one row per user holding SUPER_ADMIN, saying how' {
        $csv = Join-Path $TestDrive 'super-admins.csv'
        Get-OktaSyncGrant -Path $syncFile -EntitlementId role:SUPER_ADMIN:assigned -Expand | Where-Object PrincipalType -eq user |
            Export-Csv $csv -NoTypeInformation
        $rows = Import-Csv $csv
        $rows.PrincipalLogin | Sort-Object | Should -Be @('alice.anderson@acme.example', 'break.glass@acme.example', 'okta.admin@acme.example')
        @($rows.GrantId | Sort-Object -Unique).Count | Should -Be $rows.Count
        $alice = $rows | Where-Object PrincipalLogin -eq 'alice.anderson@acme.example'
        ($alice.Direct, $alice.Through, $alice.ThroughGroupIds, $alice.PrincipalStatus) | Should -Be @('False', "Okta Admins ($admins)", $admins, 'ACTIVE')
        ($rows | Where-Object PrincipalLogin -eq 'okta.admin@acme.example').HowHeld | Should -Be "directly and through group 'Okta Admins'"
    }

    It 'a failing Should names the people, not the type' {
        { Get-OktaSyncGrant -Path $syncFile -EntitlementId role:SUPER_ADMIN:assigned -Expand | Where-Object PrincipalLogin -eq 'alice.anderson@acme.example' |
                Should -BeNullOrEmpty } |
            Should -Throw -ExpectedMessage "*alice.anderson@acme.example holds role SUPER_ADMIN through group 'Okta Admins'*"
    }

    It 'ConvertTo-Json keeps lists as lists and flags as booleans' {
        $json = Get-OktaSyncGrant -Path $syncFile -EntitlementId role:SUPER_ADMIN:assigned -Expand |
            Where-Object PrincipalLogin -eq 'okta.admin@acme.example' | ConvertTo-Json | ConvertFrom-Json
        $json.Direct | Should -BeTrue
        @($json.ThroughGroupIds) | Should -Be @($admins)
    }

    It 'resources, entitlements and the sync summary read as text, and serialize names' {
        "$(Get-OktaSyncResource -Path $syncFile -ResourceType user | Where-Object Login -eq 'alice.anderson@acme.example')" |
            Should -Be "user alice.anderson@acme.example ($(Get-IdOf users 'alice.anderson@acme.example'), ACTIVE)"
        "$(Get-OktaSyncResource -Path $syncFile -ResourceType role | Where-Object ResourceId -eq SUPER_ADMIN)" | Should -Be "role 'Super Administrator' (SUPER_ADMIN)"
        "$(Get-OktaSyncEntitlement -Path $syncFile -EntitlementId role:SUPER_ADMIN:assigned)" | Should -Match '^.+ \(role:SUPER_ADMIN:assigned\)$'
        $summary = Invoke-OktaSync -Path (Join-Path $TestDrive 'summary.json')
        "$summary" | Should -Match '^Full sync to .*summary\.json: \d+ users, \d+ groups, \d+ apps, \d+ entitlements, \d+ grants, \d+ requests$'
        ($summary | ConvertTo-Json -Depth 3 | ConvertFrom-Json).Mode | Should -Be 'Full'
    }

    It 'the table view shows how each holds it and what an admin role reaches' {
        $table = Get-OktaSyncGrant -Path $syncFile -EntitlementId role:HELP_DESK_ADMIN:assigned -Expand | Out-String -Width 250
        $table | Should -Match 'Direct\s+Through\s+Scope'
        $table | Should -Match "iris\.ito@acme\.example\s+False\s+Help Desk\s+groups 'Sales', 'Contractors'"
        $table | Should -Not -Match 'OktaBaton\.Core|System\.'
    }

    It 'scoped admin roles say what they reach' {
        $carol = Get-OktaSyncGrant -Path $syncFile -PrincipalId carol.chen@acme.example -ResourceType role
        $carol.Scope | Should -Be "groups 'Engineering', 'Contractors'"
        $carol.ScopeIds -contains ('group:' + (Get-IdOf groups 'Engineering')) | Should -BeTrue
    }

    It 'Get-OktaSyncInfo says the sync read everything' {
        $info = Get-OktaSyncInfo -Path $syncFile
        $info.IsComplete | Should -BeTrue
        $info.Org | Should -Be $org.Domain
        $info.Counts['role'] | Should -Be 13
        ($info | Out-String) | Should -Match 'IsComplete\s+:\s+True'
    }
}

Describe 'Filters that cannot lie by omission' {
    BeforeAll {
        Reset-TestOrg
        $script:syncFile = New-Sync 'filters.json'
    }

    It 'refuses a resource type that does not exist, before any record' {
        { Get-OktaSyncGrant -Path $syncFile -ResourceType groups -ErrorAction Stop } | Should -Throw -ErrorId 'OktaInvalidQueryFilter*'
        { Get-OktaSyncGrant -Path $syncFile -Slug members -ErrorAction Stop } | Should -Throw -ErrorId 'OktaInvalidQueryFilter*'
    }

    It 'warns about an id the file does not hold, with the one most likely meant' {
        $records = Get-OktaSyncGrant -Path $syncFile -EntitlementId role:SUPERADMIN:assigned -WarningVariable warned -WarningAction SilentlyContinue
        $records | Should -BeNullOrEmpty
        "$warned" | Should -Match "did you mean 'role:SUPER_ADMIN:assigned'"
    }

    It 'takes a login for -PrincipalId and completes ids from the file' {
        @(Get-OktaSyncGrant -Path $syncFile -PrincipalId alice.anderson@acme.example -Expand).Count | Should -BeGreaterThan 3
        $in = "Get-OktaSyncGrant -Path '$syncFile' -EntitlementId role:SUPER"
        (TabExpansion2 -inputScript $in -cursorColumn $in.Length).CompletionMatches.CompletionText | Should -Be 'role:SUPER_ADMIN:assigned'
    }
}

Describe 'Revokes that tell the truth' {
    BeforeEach { Reset-TestOrg }

    It 'refuses access held only through a group, naming it, and changes nothing' {
        $syncFile = New-Sync 'before-group-only.json'
        $before = Get-TestOrgState | ConvertTo-Json -Depth 20
        Get-OktaSyncGrant -Path $syncFile -EntitlementId role:SUPER_ADMIN:assigned -Expand -PrincipalId alice.anderson@acme.example |
            Revoke-OktaEntitlement -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused | Should -BeNullOrEmpty
        ($refused[0].FullyQualifiedErrorId -split ',')[0] | Should -Be 'OktaAssignedThroughGroup'
        $refused[0].Exception.Message | Should -Match "through group 'Okta Admins'"
        $refused[0].ErrorDetails.RecommendedAction | Should -Match 'Revoke-OktaEntitlement -GrantId'
        Get-TestOrgState | ConvertTo-Json -Depth 20 | Should -Be $before
    }

    It 'removes the direct assignment of access also held through a group, warning that it remains' {
        $slack = Get-IdOf apps 'Slack'
        $result = Revoke-OktaAppAssignment -AppId $slack -UserId alice.anderson@acme.example -Confirm:$false -WarningVariable remains -WarningAction SilentlyContinue
        $result.Outcome | Should -Be 'Revoked'
        "$remains" | Should -Match "still holds .* through group 'Engineering'"
        $entry = ((Get-TestOrgState).apps | Where-Object id -eq $slack).users | Where-Object userId -eq (Get-IdOf users 'alice.anderson@acme.example')
        $entry.scope | Should -Be 'GROUP'
        ($result | ConvertTo-Json | ConvertFrom-Json).Outcome | Should -Be 'Revoked'
    }

    It 'reports drift as a change of how it is held' {
        $before = New-Sync 'drift-before.json'
        $null = Revoke-OktaRole -RoleType SUPER_ADMIN -UserId okta.admin@acme.example -Confirm:$false -WarningAction SilentlyContinue
        $after = New-Sync 'drift-after.json'
        $change = Compare-OktaSync $before $after -EntitlementId role:SUPER_ADMIN:assigned -Expand
        ($change.Change, $change.OldHolding, $change.NewHolding) | Should -Be @('HoldingChanged', "directly and through group 'Okta Admins'; org-wide", "through group 'Okta Admins'; org-wide")
        ($change | ConvertTo-Json | ConvertFrom-Json).Change | Should -Be 'HoldingChanged'
    }

    It 'grants an admin role limited to some groups' {
        $sales = Get-IdOf groups 'Sales'
        $result = Grant-OktaRole -RoleType HELP_DESK_ADMIN -UserId liam.lopez@acme.example -TargetGroupId $sales -Confirm:$false
        ($result.Outcome, $result.Scope) | Should -Be @('Granted', "group 'Sales' ($sales)")
        $liam = Get-IdOf users 'liam.lopez@acme.example'
        ((Get-TestOrgState).userRoles | Where-Object { $_.userId -eq $liam -and $_.type -eq 'HELP_DESK_ADMIN' }).targetGroupIds | Should -Be @($sales)
    }
}
