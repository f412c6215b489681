using System;
using System.Collections.Generic;
using System.Linq;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>
/// Filters of an offline query. Every list that is set must match (any of its values); an empty list matches all.
/// Types and slugs compare case-insensitively, ids exactly. A resource id may be given bare ("00u1") or typed ("user:00u1");
/// a principal also by a user's login or e-mail.
/// </summary>
/// <remarks>
/// A filter must never make a query lie by omission: a value outside a closed vocabulary (a resource type, a slug, an
/// entitlement id that is not one) is refused before any record (<see cref="Validate"/>), and an id the file does not
/// hold is named in a warning (<see cref="Resolve"/>).
/// </remarks>
public sealed class SyncQueryFilter
{
    /// <summary>The slugs a sync writes.</summary>
    public static IReadOnlyList<string> KnownSlugs { get; } = new[] { EntitlementSlugs.Member, EntitlementSlugs.Access, EntitlementSlugs.Assigned };

    public IList<string> ResourceTypes { get; set; } = new List<string>();

    public IList<string> ResourceIds { get; set; } = new List<string>();

    public IList<string> PrincipalIds { get; set; } = new List<string>();

    public IList<string> EntitlementIds { get; set; } = new List<string>();

    public IList<string> Slugs { get; set; } = new List<string>();

    /// <summary>Refuses values outside a closed vocabulary with OktaInvalidQueryFilter, naming the valid ones.</summary>
    public void Validate()
    {
        foreach (var type in ResourceTypes)
        {
            if (Model.ResourceTypes.Find(type) is null)
            {
                throw Invalid($"'{type}' is not a resource type. Valid types: {string.Join(", ", Model.ResourceTypes.All.Select(t => t.Id))}.");
            }
        }
        foreach (var slug in Slugs)
        {
            if (!KnownSlugs.Contains(slug, StringComparer.OrdinalIgnoreCase))
            {
                throw Invalid($"'{slug}' is not an entitlement slug. Valid slugs: {string.Join(", ", KnownSlugs)}.");
            }
        }
        foreach (var id in EntitlementIds)
        {
            try
            {
                Model.EntitlementIds.Parse(id);
            }
            catch (FormatException ex)
            {
                throw Invalid(ex.Message + " For example role:SUPER_ADMIN:assigned, app:0oa1:access or group:00g1:member.");
            }
        }
    }

    /// <summary>
    /// This filter with principals given by login or e-mail turned into their ids, and a warning for every id the file
    /// does not hold (with the entitlement id it most likely meant, when there is one).
    /// </summary>
    internal SyncQueryFilter Resolve(QueryIndex index, List<string> warnings, string fileName)
    {
        var principals = new List<string>();
        foreach (var wanted in PrincipalIds)
        {
            if (Exists(index, wanted, principal: true))
            {
                principals.Add(wanted);
            }
            else if (index.UserByAddress(wanted) is { } user)
            {
                principals.Add(user.ToString());
            }
            else
            {
                warnings.Add($"'{wanted}' is not a user or group in {fileName} (no id, login or e-mail matches): nothing is listed for it.");
                principals.Add(wanted);
            }
        }
        foreach (var wanted in ResourceIds.Where(r => !Exists(index, r, principal: false)))
        {
            warnings.Add($"'{wanted}' is not a resource in {fileName}: nothing is listed for it.");
        }
        foreach (var wanted in EntitlementIds.Where(e => !index.HasEntitlement(e)))
        {
            var meant = index.EntitlementIds.FirstOrDefault(e => Loose(e) == Loose(wanted));
            warnings.Add($"'{wanted}' is not an entitlement in {fileName}{(meant is null ? "" : $" (did you mean '{meant}'?)")}: nothing is listed for it.");
        }
        return new SyncQueryFilter { ResourceTypes = ResourceTypes, ResourceIds = ResourceIds, PrincipalIds = principals, EntitlementIds = EntitlementIds, Slugs = Slugs };
    }

    internal bool MatchesResource(ResourceId id) =>
        (ResourceTypes.Count == 0 || ResourceTypes.Any(t => string.Equals(t, id.ResourceType, StringComparison.OrdinalIgnoreCase)))
        && (ResourceIds.Count == 0 || ResourceIds.Any(r => MatchesId(r, id)));

    internal bool MatchesEntitlement(string entitlementId, ResourceId resource, string slug) =>
        MatchesResource(resource)
        && (EntitlementIds.Count == 0 || EntitlementIds.Any(e => string.Equals(e, entitlementId, StringComparison.Ordinal)))
        && (Slugs.Count == 0 || Slugs.Any(s => string.Equals(s, slug, StringComparison.OrdinalIgnoreCase)));

    internal bool MatchesPrincipal(ResourceId principal) => PrincipalIds.Count == 0 || PrincipalIds.Any(p => MatchesId(p, principal));

    internal bool MatchesPrincipal(string principalType, string principalId) =>
        PrincipalIds.Count == 0 || PrincipalIds.Any(p => MatchesId(p, principalType, principalId));

    private static bool MatchesId(string wanted, ResourceId id) => MatchesId(wanted, id.ResourceType, id.Resource);

    private static bool MatchesId(string wanted, string type, string id) =>
        string.Equals(wanted, id, StringComparison.Ordinal)
        || (wanted.Length == type.Length + 1 + id.Length && wanted.StartsWith(type, StringComparison.Ordinal) && wanted[type.Length] == ':'
            && string.CompareOrdinal(wanted, type.Length + 1, id, 0, id.Length) == 0);

    private static bool Exists(QueryIndex index, string wanted, bool principal) =>
        index.ResourceIds.Any(id => (!principal || id.ResourceType is Model.ResourceTypes.User or Model.ResourceTypes.Group) && MatchesId(wanted, id));

    /// <summary>An id with case and punctuation ignored: role:SUPERADMIN:assigned meets role:SUPER_ADMIN:assigned.</summary>
    private static string Loose(string id) => new(id.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static OktaOperationException Invalid(string message) => new("OktaInvalidQueryFilter", OktaFailureKind.InvalidArgument, message);
}
