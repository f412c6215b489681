using System;

namespace OktaBaton.Core.Model;

/// <summary>Builds and parses "{resourceType}:{resourceId}:{slug}". A resource id may contain ':' (bindings), a type or slug never does.</summary>
public static class EntitlementIds
{
    public static string Create(ResourceId resource, string slug) => resource + ":" + slug;

    public static (ResourceId Resource, string Slug) Parse(string entitlementId)
    {
        if (entitlementId is null) throw new ArgumentNullException(nameof(entitlementId));
        var first = entitlementId.IndexOf(':');
        var last = entitlementId.LastIndexOf(':');
        if (first <= 0 || last <= first + 1 || last == entitlementId.Length - 1)
        {
            throw new FormatException($"'{entitlementId}' is not an entitlement id of the form resourceType:resourceId:slug.");
        }
        return (new ResourceId(entitlementId.Substring(0, first), entitlementId.Substring(first + 1, last - first - 1)), entitlementId.Substring(last + 1));
    }
}
