using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using OktaBaton.Core.Okta;
using OktaBaton.Core.Okta.Models;

namespace OktaBaton.Core.Provisioning;

/// <summary>
/// Reads the objects a change is about, turning Okta's 404 into an error that names the missing thing
/// (OktaUserNotFound, OktaGroupNotFound, …) whatever command asked.
/// </summary>
internal sealed class OktaDirectory
{
    public OktaDirectory(OktaClient client)
    {
        Client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public OktaClient Client { get; }

    /// <summary>GET /users/{idOrLogin}: Okta accepts an id or a login here.</summary>
    public Task<OktaUser> GetUserAsync(string idOrLogin, CancellationToken ct) =>
        GetAsync<OktaUser>("/api/v1/users/" + OktaPaths.UserSegment(idOrLogin, "A user id or login"), "OktaUserNotFound", $"User {PrincipalReference.Quote(idOrLogin)} was not found.", ct);

    public async Task<OktaUser?> FindUserAsync(string idOrLogin, CancellationToken ct)
    {
        try
        {
            return await Client.GetAsync<OktaUser>("/api/v1/users/" + OktaPaths.UserSegment(idOrLogin, "A user id or login"), ct).ConfigureAwait(false);
        }
        catch (OktaApiException api) when (api.IsNotFound)
        {
            return null;
        }
    }

    public Task<OktaGroup> GetGroupAsync(string id, CancellationToken ct) =>
        GetAsync<OktaGroup>("/api/v1/groups/" + Segment(id, "A group id"), "OktaGroupNotFound", $"Group {PrincipalReference.Quote(id)} was not found.", ct);

    public Task<OktaApp> GetAppAsync(string id, CancellationToken ct) =>
        GetAsync<OktaApp>("/api/v1/apps/" + Segment(id, "An app id"), "OktaAppNotFound", $"App {PrincipalReference.Quote(id)} was not found.", ct);

    public async Task<T?> FindAsync<T>(string relativeUrl, CancellationToken ct)
        where T : class
    {
        try
        {
            return await Client.GetAsync<T>(relativeUrl, ct).ConfigureAwait(false);
        }
        catch (OktaApiException api) when (api.IsNotFound)
        {
            return null;
        }
    }

    /// <summary>Sends a write whose 404 means "already gone" (a DELETE repeated after a lost answer); true when it was sent and applied.</summary>
    public async Task<bool> DeleteIfPresentAsync(string relativeUrl, CancellationToken ct)
    {
        try
        {
            await Client.SendAsync(HttpMethod.Delete, relativeUrl, null, ct).ConfigureAwait(false);
            return true;
        }
        catch (OktaApiException api) when (api.IsNotFound)
        {
            return false;
        }
    }

    /// <summary>
    /// The groups a user belongs to (one list, unlike a group's members), by id with their names. Okta's
    /// listUserGroups takes no paging parameters (its spec declares none); a next link would still be followed.
    /// </summary>
    public async Task<Dictionary<string, GroupRef>> GroupsOfUserAsync(string userId, CancellationToken ct)
    {
        var groups = new Dictionary<string, GroupRef>(StringComparer.Ordinal);
        await foreach (var group in Client.ListAsync<OktaGroup>("/api/v1/users/" + Escape(userId) + "/groups", ct).ConfigureAwait(false))
        {
            groups[group.Id] = new GroupRef(group.Id, group.Profile.Name);
        }

        return groups;
    }

    /// <summary>An id as one escaped path segment; one that cannot be (".", "..", "a/b", …) is refused before any request.</summary>
    public static string Escape(string id) => OktaPaths.Segment(id, "The id");

    /// <summary>An id as one escaped path segment; a blank id, or one a path cannot carry, is refused before any request.</summary>
    private static string Segment(string? id, string what) => OktaPaths.Segment(id, what);

    public static string Describe(OktaUser user) => "user " + PrincipalReference.Quote(user.Profile.Login ?? user.Id) + " (" + user.Id + ")";

    public static string Describe(OktaGroup group) => "group " + PrincipalReference.Quote(group.Profile.Name ?? group.Id) + " (" + group.Id + ")";

    public static string Describe(OktaApp app) => "app " + PrincipalReference.Quote(app.Label ?? app.Name ?? app.Id) + " (" + app.Id + ")";

    private async Task<T> GetAsync<T>(string relativeUrl, string notFoundId, string notFoundMessage, CancellationToken ct)
    {
        try
        {
            return await Client.GetAsync<T>(relativeUrl, ct).ConfigureAwait(false);
        }
        catch (OktaApiException api) when (api.IsNotFound)
        {
            throw new OktaOperationException(notFoundId, OktaFailureKind.NotFound, notFoundMessage + " " + api.Message, api);
        }
    }
}
