#Requires -Version 7.4
#Requires -Modules @{ ModuleName = 'Pester'; ModuleVersion = '5.0' }
# What users meet at a prompt, in real pwsh: tab completion of every parameter that has a completer, the
# -WhatIf text of every state-changing cmdlet, and a sync's progress. Completers and state-changing cmdlets are
# found by reflection; -WhatIf runs the cmdlet's own help examples, so new ones are covered with no edit here.

BeforeDiscovery {
    Import-Module OktaBaton
    $commands = @(Get-Command -Module OktaBaton)
    $completers = @(foreach ($command in $commands) {
            foreach ($parameter in $command.Parameters.Values) {
                if ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] }) {
                    @{ Cmdlet = $command.Name; Parameter = $parameter.Name; Paths = @($command.Parameters.Keys | Where-Object { $_ -like '*Path' }) }
                }
            }
        })
    $changing = @($commands | Where-Object { $_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].SupportsShouldProcess } |
            ForEach-Object { @{ Cmdlet = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'Support.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Examples.psm1') -Force
    $script:fixture = New-ExampleFixture -Path (Join-Path $TestDrive 'fixture')
    $script:changingNames = @(Get-Command -Module OktaBaton | Where-Object { $_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].SupportsShouldProcess }).Name
    $script:typeName = '(OktaBaton|System|Microsoft)\.[\w.`]+'
    $script:runs = 0
}

Describe 'tab completion' {
    BeforeAll {
        Reset-TestOrg
        Connect-Okta
        Push-Location $fixture
    }
    AfterAll { Pop-Location }

    It 'completes -<Parameter> of <Cmdlet>, and a typed prefix narrows it' -ForEach $completers {
        $line = "$Cmdlet " + (($Paths | ForEach-Object { "-$_ ./okta-sync.json " }) -join '') + "-$Parameter "
        $all = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $all | Should -Not -BeNullOrEmpty -Because "the completer of -$Parameter offers values"
        $all.ResultType | Should -Not -Contain 'ProviderItem' -Because 'the values come from the completer, not the file system'
        $all.ListItemText | Should -Not -Match $typeName

        $first = $all[0].CompletionText.Trim("'", '"')
        $stem = $first.Substring(0, [Math]::Min(2, $first.Length))
        $narrowed = (TabExpansion2 -inputScript ($line + $stem) -cursorColumn ($line.Length + $stem.Length)).CompletionMatches
        $narrowed | Should -Not -BeNullOrEmpty
        # A completer may match on a name and complete the id (Okta Admins → group:00g…): the text typed is in what is offered.
        "$($narrowed[0].CompletionText) $($narrowed[0].ListItemText) $($narrowed[0].ToolTip)" | Should -Match ([regex]::Escape($stem))
        $narrowed.Count | Should -BeLessOrEqual $all.Count
    }
}

Describe '-WhatIf of <Cmdlet>' -ForEach $changing {
    It 'says what it would do to whom, and sends no change to Okta' {
        $examples = @(Get-DocumentationExample | Where-Object { -not $_.NotRun -and $_.Name -like "module/help/$Cmdlet.md *" })
        $examples | Should -Not -BeNullOrEmpty -Because "$Cmdlet has runnable help examples"
        $said = $null
        foreach ($example in $examples) {
            # Every state-changing call of the example gets -WhatIf, so nothing at all may change.
            $ast = [System.Management.Automation.Language.Parser]::ParseInput($example.Code, [ref] $null, [ref] $null)
            $calls = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] -and $node.GetCommandName() -in $changingNames }, $true) |
                Where-Object { -not ($_.CommandElements | Where-Object { $_ -is [System.Management.Automation.Language.CommandParameterAst] -and $_.ParameterName -eq 'WhatIf' }) } |
                Sort-Object { $_.Extent.EndOffset } -Descending
            $code = $example.Code
            foreach ($call in $calls) { $code = $code.Insert($call.Extent.EndOffset, ' -WhatIf') }

            $script:runs++
            $transcript = Join-Path $TestDrive "whatif-$runs.txt"
            $null = Start-Transcript -Path $transcript
            try { $null = Invoke-DocumentationExample -Code $code -Fixture $fixture -WorkingDirectory (Join-Path $TestDrive "whatif-$runs") }
            catch { continue }
            finally { $null = Stop-Transcript }

            $writes = (Invoke-RestMethod "$((Get-TestOrg).SimulatorUrl)/__simulator/stats").byRoute.PSObject.Properties.Name | Where-Object { $_ -notmatch '^GET ' }
            $writes | Should -BeNullOrEmpty -Because "under -WhatIf nothing changes ($code)"
            $said = @(Get-Content $transcript | Where-Object { $_ -match '^What if: ' })
            if ($said) { break }
        }

        $said | Should -Not -BeNullOrEmpty -Because "one of $Cmdlet's examples runs under -WhatIf and says what it would do"
        foreach ($line in $said) {
            $line | Should -Match '^What if: Performing the operation "[^"]+" on target "[^"]+"\.$'
            $line | Should -Not -Match $typeName
        }
    }
}

Describe 'a sync''s progress' {
    BeforeAll {
        Reset-TestOrg
        # A runspace of its own, so the progress stream is collected rather than drawn on this host.
        $shell = [powershell]::Create()
        $null = $shell.AddScript("Import-Module OktaBaton; Connect-Okta; `$ProgressPreference = 'Continue'; Invoke-OktaSync -Path '$(Join-Path $TestDrive 'progress.json')' -SyncCustomRoles -SyncSecrets")
        $script:summary = $shell.Invoke()
        $shell.Streams.Error | Should -BeNullOrEmpty
        $script:progress = @($shell.Streams.Progress)
        $shell.Dispose()
    }

    It 'reports each phase with counts, and completes every activity it starts' {
        $progress | Should -Not -BeNullOrEmpty
        $activities = $progress | Group-Object ActivityId
        foreach ($activity in $activities) {
            $activity.Group[-1].RecordType | Should -Be 'Completed' -Because "activity '$($activity.Group[0].Activity)' ends"
        }
        $progress | Where-Object RecordType -ne 'Completed' | ForEach-Object {
            $_.Activity | Should -Not -BeNullOrEmpty
            $_.StatusDescription | Should -Not -BeNullOrEmpty
            $_.PercentComplete | Should -BeIn (-1..100)
        }
        ($progress.StatusDescription -join "`n") | Should -Match '\d' -Because 'the status counts what was read'
        ($progress.Activity + $progress.StatusDescription + $progress.CurrentOperation) -join "`n" | Should -Not -Match $typeName
    }
}
