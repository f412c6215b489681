using System;
using System.Collections.Generic;
using OktaBaton.Core.Model;

namespace OktaBaton.Core.SyncFile;

/// <summary>Which ids of a sync file a completion offers.</summary>
public enum SyncFileIdKind
{
    /// <summary>Users (by login) and groups (by id) that hold grants.</summary>
    Principal,

    /// <summary>Resources, by typed id.</summary>
    Resource,

    /// <summary>Entitlement ids.</summary>
    Entitlement,
}

/// <summary>One completion: the text to insert, what to show, and a description.</summary>
public sealed class SyncFileCompletion
{
    public SyncFileCompletion(string value, string display, string description)
    {
        Value = value;
        Display = display;
        Description = description;
    }

    public string Value { get; }

    public string Display { get; }

    public string Description { get; }
}

/// <summary>Ids from a sync file for tab completion: what the file holds, matched by prefix on the id or the name.</summary>
public static class SyncFileCompletions
{
    /// <summary>
    /// At most <paramref name="max"/> ids of <paramref name="kind"/> whose id, login or name starts with
    /// <paramref name="prefix"/> (case-insensitively), in file order. A file that cannot be read offers nothing.
    /// </summary>
    public static IReadOnlyList<SyncFileCompletion> Complete(string path, SyncFileIdKind kind, string? prefix, int max)
    {
        var found = new List<SyncFileCompletion>();
        var wanted = prefix ?? string.Empty;
        bool Starts(string? text) => text is not null && text.StartsWith(wanted, StringComparison.OrdinalIgnoreCase);
        void Offer(SyncFileCompletion completion, params string?[] keys)
        {
            if (found.Count < max && Array.Exists(keys, Starts)) found.Add(completion);
        }

        var visitor = new SyncFileVisitor();
        if (kind == SyncFileIdKind.Entitlement)
        {
            visitor.Entitlement = e => Offer(new SyncFileCompletion(e.Id, e.Id, e.DisplayName), e.Id, e.DisplayName);
        }
        else
        {
            visitor.Resource = r =>
            {
                var login = r.Trait("user")?.GetString("login");
                if (kind == SyncFileIdKind.Resource)
                {
                    Offer(new SyncFileCompletion(r.Id.ToString(), r.Id.ToString(), r.DisplayName), r.Id.ToString(), r.Id.Resource, r.DisplayName, login);
                }
                else if (r.Id.ResourceType == ResourceTypes.User)
                {
                    Offer(new SyncFileCompletion(login ?? r.Id.Resource, login ?? r.Id.Resource, $"{r.DisplayName} (user {r.Id.Resource})"), login, r.Id.Resource, r.DisplayName);
                }
                else if (r.Id.ResourceType == ResourceTypes.Group)
                {
                    Offer(new SyncFileCompletion(r.Id.ToString(), r.DisplayName, $"group '{r.DisplayName}' ({r.Id.Resource})"), r.Id.ToString(), r.Id.Resource, r.DisplayName);
                }
            };
        }

        try
        {
            using var _ = SyncFileHandle.Open(path, visitor);
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            return found;
        }
        return found;
    }
}
