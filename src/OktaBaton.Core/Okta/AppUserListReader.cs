using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Reads a page of app users (GET /apps/{id}/users) for what a sync needs: each user's id, whether Okta reports the
/// assignment as made through a group (scope GROUP) rather than to the user (scope USER), and the group its
/// "_links.group" names, if any. One pass of a <see cref="Utf8JsonReader"/>; everything else is skipped.
/// </summary>
internal static class AppUserListReader
{
    private static readonly byte[] IdName = { (byte)'i', (byte)'d' };
    private static readonly byte[] ScopeName = { (byte)'s', (byte)'c', (byte)'o', (byte)'p', (byte)'e' };
    private static readonly byte[] LinksName = { (byte)'_', (byte)'l', (byte)'i', (byte)'n', (byte)'k', (byte)'s' };
    private static readonly byte[] GroupName = { (byte)'g', (byte)'r', (byte)'o', (byte)'u', (byte)'p' };
    private static readonly byte[] HrefName = { (byte)'h', (byte)'r', (byte)'e', (byte)'f' };
    private static readonly byte[] GroupScope = { (byte)'G', (byte)'R', (byte)'O', (byte)'U', (byte)'P' };

    [MethodImpl(HotPath.Optimized)]
    public static List<AppUserRef> Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray) throw new JsonException("Expected a JSON array.");
        var users = new List<AppUserRef>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException($"Expected an object in the list, found {reader.TokenType}.");
            string? id = null, group = null;
            var throughGroup = false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals(IdName))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) id = reader.GetString();
                    else if (reader.TokenType != JsonTokenType.Null) throw new JsonException($"An item's \"id\" is a {reader.TokenType}, not a string.");
                }
                else if (reader.ValueTextEquals(ScopeName))
                {
                    reader.Read();
                    throughGroup = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals(GroupScope);
                }
                else if (reader.ValueTextEquals(LinksName))
                {
                    reader.Read();
                    group = ReadGroupLink(ref reader);
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
            }

            if (string.IsNullOrEmpty(id)) throw new JsonException("An item of the list has no \"id\".");
            users.Add(new AppUserRef(id!, throughGroup, throughGroup ? group : null));
        }

        if (reader.TokenType != JsonTokenType.EndArray) throw new JsonException("The list ends early.");
        if (reader.Read()) throw new JsonException("Unexpected content after the list.");
        return users;
    }

    /// <summary>At "_links": the last path segment of "group": {"href": ".../api/v1/groups/00g1"}, or null.</summary>
    private static string? ReadGroupLink(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            reader.Skip();
            return null;
        }
        string? group = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isGroup = reader.ValueTextEquals(GroupName);
            reader.Read();
            if (!isGroup || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isHref = reader.ValueTextEquals(HrefName);
                reader.Read();
                if (isHref && reader.TokenType == JsonTokenType.String) group = LastSegment(reader.GetString());
                else reader.Skip();
            }
        }
        return group;
    }

    private static string? LastSegment(string? href)
    {
        if (string.IsNullOrEmpty(href)) return null;
        var path = href!.Split('?')[0].TrimEnd('/');
        var at = path.LastIndexOf('/');
        var segment = Uri.UnescapeDataString(at < 0 ? path : path.Substring(at + 1));
        return segment.Length == 0 ? null : segment;
    }
}

/// <summary>One app user as a sync reads it.</summary>
internal readonly struct AppUserRef
{
    public AppUserRef(string id, bool throughGroup, string? groupHint)
    {
        Id = id;
        ThroughGroup = throughGroup;
        GroupHint = groupHint;
    }

    public string Id { get; }

    /// <summary>Okta reports the assignment as scope GROUP: the user holds the app through group membership, not directly.</summary>
    public bool ThroughGroup { get; }

    /// <summary>For a GROUP-scoped user, the group Okta's "_links.group" names, when it names one.</summary>
    public string? GroupHint { get; }
}
