using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core;
using OktaBaton.Core.Provisioning;
using OktaBaton.PowerShell.Infrastructure;

namespace OktaBaton.PowerShell.Provisioning;

/// <summary>
/// Base of the state-changing cmdlets: -Force, confirmation through ShouldProcess on the pipeline thread,
/// one engine call per pipeline item whose failure becomes a non-terminating error.
/// </summary>
public abstract class ProvisioningCmdlet : OktaConnectedCmdlet
{
    private bool _skipConfirmation;

    /// <summary>Skips the confirmation prompt (-WhatIf still only reports).</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void BeginProcessing()
    {
        base.BeginProcessing();
        var whatIf = LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"))
            || (MyInvocation.BoundParameters.TryGetValue("WhatIf", out var w) && LanguagePrimitives.IsTrue(w));
        var confirmAsked = MyInvocation.BoundParameters.TryGetValue("Confirm", out var c) && LanguagePrimitives.IsTrue(c);
        _skipConfirmation = Force.IsPresent && !whatIf && !confirmAsked;
    }

    /// <summary>Runs one engine change for this pipeline item and writes its result (none when declined).</summary>
    protected void Provision<T>(object? target, string subject, Func<OktaConnection, ChangeConfirmation, CancellationToken, Task<T?>> change)
        where T : class
    {
        var connection = ResolveConnection();
        RunForItem(target, subject, async context =>
        {
            ChangeConfirmation confirm = _skipConfirmation
                ? (_, _) => Task.FromResult(true)
                : (changeTarget, action) => context.ShouldProcessAsync(changeTarget, action);
            var result = await change(connection, confirm, context.CancellationToken).ConfigureAwait(false);
            if (result is AccessChange access)
            {
                foreach (var warning in access.Warnings)
                {
                    context.WriteWarning(warning);
                }
            }

            if (result is not null)
            {
                context.WriteObject(result);
            }
        });
    }
}
