#Requires -Version 7.4
<#
.SYNOPSIS
    The pwsh side of OktaBaton.Pester.Tests: lists (-Discover) or runs (-Run) Pester tests and writes one
    JSON record per test to -ResultPath. Stdout stays the tests' own; the xunit side reads only the file.
.DESCRIPTION
    A test's key is "file > block > ... > test" with <name> templates filled from -ForEach/-TestCases data
    (the same way in both modes, so a discovered test finds its result), and " #N" on a repeated key.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory, ParameterSetName = 'Discover')] [string] $Discover,
    [Parameter(Mandatory, ParameterSetName = 'Run')] [string] $Run,
    [Parameter(Mandatory)] [string] $Root,
    [Parameter(Mandatory)] [string] $ResultPath,
    [Parameter(Mandatory)] [version] $PesterVersion
)

$ErrorActionPreference = 'Stop'
Import-Module Pester -RequiredVersion $PesterVersion

function Format-Value([object] $Value) {
    if ($null -eq $Value) { return '$null' }
    [System.Management.Automation.LanguagePrimitives]::ConvertTo($Value, [string], [cultureinfo]::InvariantCulture)
}

function Resolve-Template([string] $Expression, [object[]] $DataChain) {
    $parts = $Expression.Split('.')
    foreach ($data in $DataChain) {
        if ($null -eq $data) { continue }
        if ($data -is [System.Collections.IDictionary] -and $data.Contains($parts[0])) { $value = $data[$parts[0]] }
        elseif ($parts[0] -eq '_') { $value = $data }
        else { continue }
        foreach ($property in $parts | Select-Object -Skip 1) {
            $value = if ($null -eq $value) { $null } else { $value.PSObject.Properties[$property]?.Value }
        }
        return Format-Value $value
    }
    "<$Expression>"
}

function Expand-Name([string] $Name, [object[]] $DataChain) {
    [regex]::Replace($Name, '<([A-Za-z_][\w.]*)>', { param($match) Resolve-Template $match.Groups[1].Value $DataChain })
}

function Get-Segment([object] $Item, [object[]] $DataChain) {
    $data = if ($Item.PSObject.Properties['Data']) { $Item.Data } else { $null }
    Expand-Name $Item.Name (@($data) + $DataChain)
}

function Get-TestKey([object] $Test, [string] $File) {
    $blocks = [System.Collections.Generic.List[object]]::new()
    for ($block = $Test.Block; $block -and -not $block.IsRoot; $block = $block.Parent) { $blocks.Insert(0, $block) }
    $segments = [System.Collections.Generic.List[string]]::new()
    $segments.Add($File)
    $chain = @()
    foreach ($block in $blocks) {
        $segments.Add((Get-Segment $block $chain))
        $chain = @($block.Data) + $chain
    }
    $segments.Add((Get-Segment $Test $chain))
    $segments -join ' > '
}

function Format-Error([System.Management.Automation.ErrorRecord] $ErrorRecord) {
    $where = @($ErrorRecord.ScriptStackTrace -split "`n" | Where-Object { $_ -match '\.ps1: line \d+' } | Select-Object -First 1)
    $message = $ErrorRecord.Exception.Message.Trim()
    if ($where) { "$message`n$($where[0].Trim())" } else { $message }
}

function Get-BlockErrors([object] $Test) {
    for ($block = $Test.Block; $block; $block = $block.Parent) {
        foreach ($record in @($block.ErrorRecord)) {
            $name = if ($block.IsRoot) { 'the file' } else { "'$($block.ExpandedName ?? $block.Name)'" }
            "setup or teardown of $name failed: $(Format-Error $record)"
        }
    }
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = if ($Discover) { $Discover } else { $Run }
$configuration.Run.PassThru = $true
$configuration.Run.SkipRun = [bool] $Discover
$configuration.Output.Verbosity = if ($Discover) { 'None' } else { 'Detailed' }
$configuration.Output.RenderMode = 'Plaintext'
$configuration.TestResult.Enabled = $false
$result = Invoke-Pester -Configuration $configuration

function Get-RelativePath([string] $Path) { [System.IO.Path]::GetRelativePath($Root, $Path).Replace('\', '/') }

$records = [System.Collections.Generic.List[object]]::new()
foreach ($container in $result.Containers) {
    foreach ($record in @($container.ErrorRecord)) {
        $records.Add([ordered]@{ key = "$(Get-RelativePath $container.Item) > (file)"; result = 'Failed'; messages = @("the file failed to load or run: $(Format-Error $record)") })
    }
}
$seen = @{}
foreach ($test in $result.Tests) {
    $key = Get-TestKey $test (Get-RelativePath ($test.ScriptBlock.File ? $test.ScriptBlock.File : $Run))
    $seen[$key] = 1 + ($seen[$key] ?? 0)
    if ($seen[$key] -gt 1) { $key += " #$($seen[$key])" }
    $messages = @(@($test.ErrorRecord) | ForEach-Object { Format-Error $_ }) + @(Get-BlockErrors $test)
    $records.Add([ordered]@{
        key        = $key
        result     = [string] $test.Result
        durationMs = [int] $test.Duration.TotalMilliseconds
        messages   = $messages
    })
}

ConvertTo-Json -InputObject @($records) -Depth 5 | Set-Content -LiteralPath $ResultPath -Encoding utf8NoBOM
