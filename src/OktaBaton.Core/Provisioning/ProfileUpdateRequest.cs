using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// A partial profile update: attributes to set (any Okta attribute, custom ones included) and attributes to clear.
/// Attributes left out stay as they are.
/// </summary>
public sealed class ProfileUpdateRequest
{
    /// <summary>The user's id or login.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>Attribute name (Okta's spelling, case-sensitive) → value: a string, number, boolean or a list of strings.</summary>
    public IDictionary<string, object?> Set { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Attributes to clear (Okta clears an attribute sent as null).</summary>
    public ISet<string> Clear { get; } = new HashSet<string>(StringComparer.Ordinal);
}
