using System.Threading.Tasks;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Asked once per change, after names are resolved and before any state-changing request; false skips the
/// change (a front end's -WhatIf/-Confirm). <paramref name="target"/> reads like "group 'Engineering' (00g1…)".
/// </summary>
public delegate Task<bool> ChangeConfirmation(string target, string action);

/// <summary>How engine code asks a <see cref="ChangeConfirmation"/>: no confirmation given means go ahead.</summary>
internal static class ChangeConfirmations
{
    public static async Task<bool> AllowsAsync(this ChangeConfirmation? confirm, string target, string action) =>
        confirm is null || await confirm(target, action).ConfigureAwait(false);
}
