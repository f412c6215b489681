using System;
using System.Net;

namespace OktaBaton.Core.Okta;

/// <summary>
/// The address of an Okta org, as a user types it ("example.okta.com", "https://example.okta.com/",
/// "http://127.0.0.1:5000" for a local simulator). Only an origin: no path, query, fragment or userinfo.
/// </summary>
public sealed class OktaOrgUrl : IEquatable<OktaOrgUrl>
{
    private OktaOrgUrl(Uri baseUri, string domain)
    {
        BaseUri = baseUri;
        Domain = domain;
    }

    /// <summary>The origin with a trailing slash: https://host[:port]/.</summary>
    public Uri BaseUri { get; }

    /// <summary>host[:port], as the user would write it.</summary>
    public string Domain { get; }

    public static OktaOrgUrl Parse(string value)
    {
        if (!TryParse(value, out var url, out var error))
        {
            throw new ArgumentException(error, nameof(value));
        }

        return url!;
    }

    public static bool TryParse(string value, out OktaOrgUrl? url, out string? error)
    {
        url = null;
        error = Validate(value, out var parsed);
        if (error is not null)
        {
            return false;
        }

        var domain = parsed!.Authority;
        var baseUri = new Uri(parsed.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
        url = new OktaOrgUrl(baseUri, domain);
        return true;
    }

    private static string? Validate(string value, out Uri? parsed)
    {
        parsed = null;
        if (value is null || value.Trim().Length == 0)
        {
            return "The Okta domain is empty. Give the org's host name, for example 'example.okta.com'.";
        }

        var text = value.Trim();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                return $"The Okta domain '{Shorten(text)}' contains whitespace or control characters.";
            }
        }

        var hasScheme = text.IndexOf("://", StringComparison.Ordinal) >= 0;
        if (hasScheme
            && !text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            && !text.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return $"The Okta domain '{Shorten(text)}' uses an unsupported scheme; use https:// or just the host name.";
        }

        var candidate = hasScheme ? text : "https://" + text;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            return $"The Okta domain '{Shorten(text)}' is not a valid host name. Give the org's host name, for example 'example.okta.com'.";
        }

        // Checked on the raw text: Uri normalises away some of these (an empty query "?", a bare "#").
        var afterScheme = candidate.Substring(candidate.IndexOf("://", StringComparison.Ordinal) + 3);
        if (afterScheme.IndexOf('@') >= 0 || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return "The Okta domain must not contain user information (user:password@); give only the host name.";
        }

        if (afterScheme.IndexOf('?') >= 0)
        {
            return $"The Okta domain '{Shorten(RemoveAfter(text, '?'))}?…' must not contain a query string; give only the host name.";
        }

        if (afterScheme.IndexOf('#') >= 0)
        {
            return $"The Okta domain '{Shorten(RemoveAfter(text, '#'))}#…' must not contain a fragment; give only the host name.";
        }

        if (uri.AbsolutePath != "/")
        {
            return $"The Okta domain '{Shorten(text)}' must not contain a path ('{Shorten(uri.AbsolutePath)}'); give only the host name, for example 'example.okta.com'.";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
        {
            return $"The Okta domain '{Shorten(text)}' uses plain http://, which is allowed only for loopback hosts (a local simulator). Use https://.";
        }

        parsed = uri;
        return null;
    }

    internal static bool IsLoopback(Uri uri)
    {
        if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }

    private static string RemoveAfter(string text, char c)
    {
        var index = text.IndexOf(c);
        return index < 0 ? text : text.Substring(0, index);
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text.Substring(0, 117) + "...";

    /// <summary>True when <paramref name="uri"/> has this org's scheme, host and port.</summary>
    public bool IsSameOrigin(Uri uri)
    {
        if (uri is null || !uri.IsAbsoluteUri)
        {
            return false;
        }

        return string.Equals(uri.Scheme, BaseUri.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(uri.Host, BaseUri.Host, StringComparison.OrdinalIgnoreCase)
            && uri.Port == BaseUri.Port;
    }

    public bool Equals(OktaOrgUrl? other) => other is not null && BaseUri.Equals(other.BaseUri);

    public override bool Equals(object? obj) => Equals(obj as OktaOrgUrl);

    public override int GetHashCode() => BaseUri.GetHashCode();

    public override string ToString() => BaseUri.ToString();
}
