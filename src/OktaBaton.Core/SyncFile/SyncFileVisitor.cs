using System;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Sees each item of the validating pass of <see cref="SyncFileHandle.Open"/>, in file order, so a query can build what it
/// needs (a name index, group members) in that pass instead of reading the file once more. Nothing it sees may reach
/// the user before Open returns: the file may still prove invalid further on.
/// </summary>
public sealed class SyncFileVisitor
{
    internal static readonly SyncFileVisitor None = new();

    public Action<Resource>? Resource { get; set; }

    public Action<Entitlement>? Entitlement { get; set; }

    public Action<Grant>? Grant { get; set; }
}
