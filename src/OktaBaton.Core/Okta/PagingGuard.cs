using System;
using System.Collections.Generic;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Checks each next link of one listing: it must stay on the org's origin (the credentials go with it) and
/// must not repeat a URL already fetched (a server bug that would otherwise loop forever).
/// </summary>
internal sealed class PagingGuard
{
    private readonly OktaOrgUrl _org;
    private readonly string _path;
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public PagingGuard(OktaOrgUrl org, Uri first)
    {
        _org = org;
        _path = first.AbsolutePath;
        _seen.Add(first.AbsoluteUri);
    }

    public Uri Next(string link)
    {
        if (!Uri.TryCreate(_org.BaseUri, link, out var next)
            || (next.Scheme != Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttp))
        {
            throw new OktaPagingException($"Okta's next link for GET {_path} is not a valid URL; the listing stopped.", "GET", _path);
        }

        if (!_org.IsSameOrigin(next))
        {
            throw new OktaPagingException(
                $"Okta's next link for GET {_path} points at another origin ({next.Scheme}://{next.Authority}); " +
                $"it was not followed so the credentials stay with {_org.Domain}.", "GET", _path);
        }

        if (!_seen.Add(next.AbsoluteUri))
        {
            throw new OktaPagingException(
                $"Okta's paging repeated a cursor for GET {_path} after {_seen.Count} pages: the next link was already " +
                "fetched in this listing; stopped instead of looping.", "GET", _path);
        }

        return next;
    }
}
