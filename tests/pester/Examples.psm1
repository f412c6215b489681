# Finds the PowerShell examples of README.md, the cmdlet help (module/help/*.md) and the about topic, and runs
# each against a fresh demo org with the fixture described in tests/pester/README.md ("Examples").

$script:Root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:NotRun = '^<!--\s*not run:\s*(?<reason>.*?)\s*-->$'

function Get-MarkdownExample {
    <# Every ```powershell block of a markdown file: its code, where it is, its heading, and why it is not run (if marked). #>
    param([Parameter(Mandatory)] [string] $Path, [switch] $ExamplesSectionOnly)
    $lines = [IO.File]::ReadAllLines($Path)
    $relative = [IO.Path]::GetRelativePath($Root, $Path).Replace('\', '/')
    $heading = ''; $section = ''
    for ($i = 0; $i -lt $lines.Count; $i++) {
        $line = $lines[$i]
        if ($line -match '^## (.+)') { $section = $Matches[1].Trim(); $heading = $section; continue }
        if ($line -match '^#{1,4} (.+)') { $heading = $Matches[1].Trim(); continue }
        if ($line -match '^```' -and $line -notmatch '^```powershell\s*$') {
            for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```'; $i++) { }
            continue
        }
        if ($line -notmatch '^```powershell\s*$') { continue }
        $start = $i + 1
        $code = [Collections.Generic.List[string]]::new()
        for ($i++; $i -lt $lines.Count -and $lines[$i] -notmatch '^```'; $i++) { $code.Add($lines[$i]) }
        if ($ExamplesSectionOnly -and $section -ne 'EXAMPLES') { continue }
        $previous = $start - 2
        while ($previous -ge 0 -and $lines[$previous].Trim() -eq '') { $previous-- }
        $reason = if ($previous -ge 0 -and $lines[$previous].Trim() -match $NotRun) { $Matches.reason } else { $null }
        [pscustomobject]@{
            Name   = "$relative line $start ($heading)"
            Code   = $code -join "`n"
            NotRun = $reason
        }
    }
}

function Get-AboutExample {
    <# The EXAMPLES section of an about topic: each run of lines indented by 8 spaces is one example. #>
    param([Parameter(Mandatory)] [string] $Path)
    $lines = [IO.File]::ReadAllLines($Path)
    $relative = [IO.Path]::GetRelativePath($Root, $Path).Replace('\', '/')
    $inExamples = $false; $code = $null; $title = ''
    for ($i = 0; $i -le $lines.Count; $i++) {
        $line = if ($i -lt $lines.Count) { $lines[$i] } else { 'END' }
        if ($line -match '^        (.*)$' -and $inExamples) {
            if ($null -eq $code) { $code = [Collections.Generic.List[string]]::new(); $start = $i + 1 }
            $code.Add($Matches[1]); continue
        }
        if ($null -ne $code -and $line.Trim() -ne '') {
            [pscustomobject]@{ Name = "$relative line $start ($title)"; Code = $code -join "`n"; NotRun = $null }
            $code = $null
        }
        if ($line -match '^\S') { $inExamples = $line.Trim() -eq 'EXAMPLES'; continue }
        if ($inExamples -and $line -match '^    (\S.*?):?$' -and $null -eq $code) { $title = $Matches[1] }
    }
}

function Get-DocumentationExample {
    <# README.md, every module/help/*.md and every about topic, in that order. #>
    Get-MarkdownExample (Join-Path $Root 'README.md')
    foreach ($file in Get-ChildItem (Join-Path $Root 'module/help') -Filter *.md | Sort-Object Name) {
        Get-MarkdownExample $file.FullName -ExamplesSectionOnly
    }
    foreach ($file in Get-ChildItem (Join-Path $Root 'module/en-US') -Filter 'about_*.help.txt' | Sort-Object Name) {
        Get-AboutExample $file.FullName
    }
}

function New-ExampleFixture {
    <#
    The files every example finds in its working directory, made once per run against the demo org:
    okta-sync.json (the org as seeded), baseline.json (the same: the approved state), last-week.json (before
    alice.anderson joined Okta Admins and noah.nguyen joined Engineering), members.csv, leavers.txt,
    access-review.csv, hr.csv, starters.csv; out/ and examples/ link to the repository's. tests/pester/README.md lists what
    they hold. Imports OktaBaton for the session and returns the folder.
    #>
    param([Parameter(Mandatory)] [string] $Path)
    Import-Module OktaBaton -Global
    $null = New-Item -ItemType Directory -Path $Path -Force
    $state = Get-TestOrgState
    $id = @{}
    foreach ($user in $state.users) { $id[$user.profile.login] = $user.id }
    foreach ($group in $state.groups) { $id[$group.profile.name] = $group.id }

    Reset-TestOrg
    Connect-Okta
    $null = Revoke-OktaGroupMembership -GroupId $id['Okta Admins'] -UserId alice.anderson@acme.example
    $null = Revoke-OktaGroupMembership -GroupId $id['Engineering'] -UserId noah.nguyen@acme.example
    $null = Invoke-OktaSync -Path (Join-Path $Path 'last-week.json') -SyncCustomRoles -SyncSecrets
    Reset-TestOrg
    $null = Invoke-OktaSync -Path (Join-Path $Path 'okta-sync.json') -SyncCustomRoles -SyncSecrets
    Copy-Item (Join-Path $Path 'okta-sync.json') (Join-Path $Path 'baseline.json')

    @(
        [pscustomobject]@{ GroupId = $id['Project Phoenix']; UserId = 'noah.nguyen@acme.example' }
        [pscustomobject]@{ GroupId = $id['Project Phoenix']; UserId = 'carol.chen@acme.example' }
    ) | Export-Csv -Path (Join-Path $Path 'members.csv') -NoTypeInformation
    @(
        [pscustomobject]@{ Login = 'liam.lopez@acme.example'; Title = 'QA Lead'; Department = 'Engineering'; employeeIdNumber = 'E-1012' }
        [pscustomobject]@{ Login = 'noah.nguyen@acme.example'; Title = 'SRE'; Department = 'Engineering'; employeeIdNumber = '' }
    ) | Export-Csv -Path (Join-Path $Path 'hr.csv') -NoTypeInformation
    @(
        [pscustomobject]@{ FirstName = 'Ana'; LastName = 'Silva'; Email = 'ana.silva@acme.example'; Department = 'Legal'; startDate = '2027-02-01' }
        [pscustomobject]@{ FirstName = 'Bo'; LastName = 'Berg'; Email = 'bo.berg@acme.example'; Department = 'Sales'; startDate = '2027-03-01' }
    ) | Export-Csv -Path (Join-Path $Path 'starters.csv') -NoTypeInformation
    Set-Content -Path (Join-Path $Path 'leavers.txt') -Value 'liam.lopez@acme.example', 'uma.usman@contractors.example'
    @(
        [pscustomobject]@{ EntitlementId = "app:$((($state.apps | Where-Object label -eq 'GitHub Enterprise').id)):access"; PrincipalType = 'user'; PrincipalId = $id['paul.park@contractors.example'] }
        [pscustomobject]@{ EntitlementId = "group:$($id['Finance Approvers']):member"; PrincipalType = 'user'; PrincipalId = $id['dave.davis@acme.example'] }
    ) | Export-Csv -Path (Join-Path $Path 'access-review.csv') -NoTypeInformation
    $Path
}

function Start-OrgActivity {
    <# Changes the org a few seconds from now, so an example that follows the System Log (-Follow) sees events arrive. #>
    $state = Get-TestOrgState
    $phoenix = ($state.groups | Where-Object { $_.profile.name -eq 'Project Phoenix' }).id
    $noah = ($state.users | Where-Object { $_.profile.login -eq 'noah.nguyen@acme.example' }).id
    Start-ThreadJob -ArgumentList "http://$env:BATON_DOMAIN", $env:BATON_API_TOKEN, $phoenix, $noah -ScriptBlock {
        param($url, $token, $group, $user)
        $headers = @{ Authorization = "SSWS $token" }
        Start-Sleep -Seconds 3
        $null = Invoke-RestMethod -Method Put -Uri "$url/api/v1/groups/$group/users/$user" -Headers $headers -Body '{}' -ContentType 'application/json'
        $null = Invoke-RestMethod -Method Post -Uri "$url/api/v1/users/$user/roles" -Headers $headers -Body '{"type":"READ_ONLY_ADMIN"}' -ContentType 'application/json'
    }
}

function Invoke-DocumentationExample {
    <#
    Runs one example as a script in its own folder (a copy of the fixture files) against a fresh demo org,
    connected, with $ErrorActionPreference = 'Stop' and $ConfirmPreference = 'None' (as in a CI job), in a
    child scope of the session's global scope (never this module's), stopped after -TimeoutSeconds, and
    returns every stream rendered as text. Any error fails it.
    #>
    param(
        [Parameter(Mandatory)] [string] $Code,
        [Parameter(Mandatory)] [string] $Fixture,
        [Parameter(Mandatory)] [string] $WorkingDirectory,
        [int] $TimeoutSeconds = 120,
        # return the output objects themselves instead of the text of every stream
        [switch] $Objects
    )
    Reset-TestOrg
    $null = New-Item -ItemType Directory -Path $WorkingDirectory -Force
    Copy-Item -Path (Join-Path $Fixture '*') -Destination $WorkingDirectory
    foreach ($folder in 'out', 'examples') {
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $WorkingDirectory $folder) -Target (Join-Path $Root $folder)
    }
    $environment = @(Get-ChildItem env: | Where-Object Name -like 'BATON_*')
    Connect-Okta
    $activity = if ($Code -match '-Follow\b') { Start-OrgActivity }
    $shell = [powershell]::Create([System.Management.Automation.RunspaceMode]::CurrentRunspace)
    $deadline = [System.Threading.CancellationTokenSource]::new([timespan]::FromSeconds($TimeoutSeconds))
    $null = $deadline.Token.Register([Action] $shell.Stop)
    Push-Location $WorkingDirectory
    try {
        $null = $shell.AddScript(@"
& {
`$ErrorActionPreference = 'Stop'
`$ConfirmPreference = 'None'
`$ProgressPreference = 'SilentlyContinue'
`$syncFile = Join-Path (Get-Location) 'okta-sync.json'
$Code
} $(if ($Objects) { '' } else { '*>&1 | Out-String -Width 160' })
"@, $true)
        $shown = $shell.Invoke()
        if ($shell.InvocationStateInfo.State -eq 'Stopped') { throw "the example did not finish within $TimeoutSeconds s" }
        if ($Objects) { $shown } else { -join $shown }
    }
    catch [System.Management.Automation.MethodInvocationException] {
        if ($_.Exception.InnerException -is [System.Management.Automation.IContainsErrorRecord]) { throw $_.Exception.InnerException.ErrorRecord }
        throw
    }
    finally {
        Pop-Location
        $deadline.Dispose()
        $shell.Dispose()
        if ($activity) { $activity | Wait-Job -Timeout 30 | Receive-Job; $activity | Remove-Job -Force }
        Get-ChildItem env: | Where-Object Name -like 'BATON_*' | Remove-Item
        foreach ($variable in $environment) { Set-Item -Path "env:$($variable.Name)" -Value $variable.Value }
    }
}

Export-ModuleMember -Function Get-DocumentationExample, New-ExampleFixture, Invoke-DocumentationExample
