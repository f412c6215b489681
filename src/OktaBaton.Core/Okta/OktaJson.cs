using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Okta;

/// <summary>The serializer settings for everything sent to and read from Okta.</summary>
public static class OktaJson
{
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>
    /// For listing users to build sync resources: a user's "_links" and "credentials" (most of each item, and
    /// never part of the resource) are skipped by the parser instead of read into objects.
    /// </summary>
    internal static JsonSerializerOptions UserListing { get; } = CreateUserListingOptions();

    private static JsonSerializerOptions CreateUserListingOptions()
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        resolver.Modifiers.Add(info =>
        {
            if (info.Type != typeof(OktaUser)) return;
            for (var i = info.Properties.Count - 1; i >= 0; i--)
            {
                if (info.Properties[i].Name is "_links" or "credentials") info.Properties.RemoveAt(i);
            }
        });
        var options = new JsonSerializerOptions(Options) { TypeInfoResolver = resolver };
        options.MakeReadOnly();
        return options;
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            PropertyNameCaseInsensitive = false,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
