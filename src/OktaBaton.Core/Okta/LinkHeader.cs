using System;
using System.Collections.Generic;
using System.Net.Http.Headers;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Reads RFC 8288 Link headers. Okta sends self and next as separate header lines; proxies may join them
/// with commas into one. A URL inside &lt;&gt; may itself contain commas or semicolons.
/// </summary>
internal static class LinkHeader
{
    public static string? FindNext(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var link in Parse(value))
            {
                if (HasRel(link.Rel, "next"))
                {
                    return link.Url;
                }
            }
        }

        return null;
    }

    public static IEnumerable<(string Url, string? Rel)> Parse(string value)
    {
        var index = 0;
        while (index < value.Length)
        {
            var open = value.IndexOf('<', index);
            if (open < 0)
            {
                yield break;
            }

            var close = value.IndexOf('>', open + 1);
            if (close < 0)
            {
                yield break;
            }

            var url = value.Substring(open + 1, close - open - 1).Trim();
            var paramsEnd = FindLinkEnd(value, close + 1);
            var rel = FindRel(value.Substring(close + 1, paramsEnd - close - 1));
            yield return (url, rel);
            index = paramsEnd + 1;
        }
    }

    /// <summary>Position of the comma that ends this link's parameters (outside quotes), or the end.</summary>
    private static int FindLinkEnd(string value, int start)
    {
        var quoted = false;
        for (var i = start; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                return i;
            }
        }

        return value.Length;
    }

    private static string? FindRel(string parameters)
    {
        foreach (var parameter in parameters.Split(';'))
        {
            var equals = parameter.IndexOf('=');
            if (equals < 0)
            {
                continue;
            }

            var name = parameter.Substring(0, equals).Trim();
            if (string.Equals(name, "rel", StringComparison.OrdinalIgnoreCase))
            {
                return parameter.Substring(equals + 1).Trim().Trim('"');
            }
        }

        return null;
    }

    private static bool HasRel(string? rel, string wanted)
    {
        if (rel is null)
        {
            return false;
        }

        foreach (var part in rel.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (string.Equals(part, wanted, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
