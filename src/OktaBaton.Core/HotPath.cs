using System.Runtime.CompilerServices;

namespace OktaBaton.Core;

/// <summary>
/// MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name): the few loops that run once per
/// membership are compiled optimized at once instead of spending their first thousands of items in tier-0 code.
/// </summary>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
