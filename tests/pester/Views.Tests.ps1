#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What users see of every type the module's cmdlets declare in [OutputType]: the default table, a list, a CSV
# and JSON, in real pwsh. Types are found by reflection and samples come from running the documentation
# examples that call the cmdlets declaring them, so a new cmdlet or record type is covered with no edit here.

BeforeDiscovery {
    Import-Module OktaBaton
    $types = @(Get-Command -Module OktaBaton | ForEach-Object {
            $command = $_
            # the module's own record types (a cmdlet that returns Okta's raw JSON declares PSObject: nothing to view)
            $command.OutputType | Where-Object { $_.Type -and $_.Type.FullName -like 'OktaBaton.*' } | ForEach-Object { [pscustomobject]@{ Type = $_.Type.FullName; Cmdlet = $command.Name } }
        } | Group-Object Type | Sort-Object Name | ForEach-Object { @{ TypeName = $_.Name; Cmdlets = @($_.Group.Cmdlet) } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Examples.psm1') -Force
    $script:fixture = New-ExampleFixture -Path (Join-Path $TestDrive 'fixture')
    $script:examples = @(Get-DocumentationExample | Where-Object { -not $_.NotRun })
    $script:runs = 0
    # A .NET type name where a value should be: "OktaBaton.Core.Model.Resource", "System.Object[]", "System.Collections.Generic.List`1[…]"
    $script:typeName = '(^|[\s:=''"])(OktaBaton|System|Microsoft)\.[\w.`]+(\[[^\]]*\])?($|[\s''"])'

    function Get-Sample([string] $TypeName, [string[]] $Cmdlets) {
        $found = [Collections.Generic.List[object]]::new()
        foreach ($example in $examples | Where-Object { $code = $_.Code; $Cmdlets | Where-Object { $code -match "\b$([regex]::Escape($_))\b" } }) {
            $script:runs++
            try {
                $objects = Invoke-DocumentationExample -Code $example.Code -Fixture $fixture -WorkingDirectory (Join-Path $TestDrive "sample-$runs") -Objects
            }
            catch { continue }
            foreach ($object in $objects) { if ($object -and $object.PSObject.BaseObject.GetType().FullName -eq $TypeName) { $found.Add($object) } }
            if ($found.Count -ge 3) { break }
        }
        , $found.ToArray()
    }
}

Describe 'what users see of <TypeName>' -ForEach $types {
    BeforeAll {
        $script:samples = Get-Sample -TypeName $TypeName -Cmdlets $Cmdlets
        # the view PowerShell picks: the first one for the most derived of the object's type names that has views
        $script:view = @($samples | Select-Object -First 1 | ForEach-Object { $_.PSObject.TypeNames } |
                ForEach-Object { Get-FormatData -TypeName $_ } | ForEach-Object FormatViewDefinition)[0]
    }

    It 'comes out of a documentation example of <Cmdlets>' {
        $samples | Should -Not -BeNullOrEmpty -Because "an example of $($Cmdlets -join ' or ') should show what it returns"
    }

    It 'has a default view (module/OktaBaton.format.ps1xml) whose every field shows a value' {
        $view | Should -Not -BeNullOrEmpty -Because 'module/OktaBaton.format.ps1xml gives every output type a view'
        $text = $samples | Out-String -Width 250
        $labels = if ($view.Control -is [System.Management.Automation.TableControl]) {
            $headers = @($view.Control.Headers | ForEach-Object { $_.Label })
            $columns = @($view.Control.Rows[0].Columns | ForEach-Object { $_.DisplayEntry.Value })
            for ($i = 0; $i -lt $columns.Count; $i++) { if ($headers[$i]) { $headers[$i] } else { $columns[$i] } }
        }
        else {
            # items shown only under a condition (devices, when synced) may rightly be absent
            $view.Control.Entries[0].Items | Where-Object { -not $_.ItemSelectionCondition } | ForEach-Object { if ($_.Label) { $_.Label } else { $_.DisplayEntry.Value } }
        }
        $labels | Should -Not -BeNullOrEmpty
        foreach ($label in $labels) { $text | Should -Match ([regex]::Escape($label)) -Because "the view shows $label" }
        $text | Should -Not -Match $typeName -Because 'a field shows a value, never a .NET type name'
    }

    It 'shows every property as a readable value in a list' {
        $text = $samples | Format-List -Property * | Out-String -Width 250
        $text | Should -Not -Match $typeName -Because 'Format-List * shows values, never .NET type names'
    }

    It 'exports to CSV with no .NET type name in any cell' {
        $csv = Join-Path $TestDrive "$TypeName.csv"
        $samples | Export-Csv -Path $csv -NoTypeInformation
        $rows = @(Import-Csv $csv)
        $rows.Count | Should -Be $samples.Count
        foreach ($row in $rows) {
            foreach ($cell in $row.PSObject.Properties) {
                $cell.Value | Should -Not -Match $typeName -Because "column $($cell.Name) holds a value"
            }
        }
    }

    It 'converts to JSON with values, not .NET type names' {
        $json = $samples | ConvertTo-Json -Depth 6 -WarningAction Stop
        $json | Should -Not -Match $typeName
        $null = $json | ConvertFrom-Json
    }
}
