using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace OktaBaton.Core.Okta.OAuth;

/// <summary>
/// A parsed <c>WWW-Authenticate</c> challenge from an Okta resource answer, e.g.
/// <c>Bearer realm="…", scope="okta.users.manage", error="insufficient_scope", error_description="…"</c>.
/// </summary>
public sealed class OAuthChallenge
{
    private static readonly Regex Parameter = new Regex(
        "([A-Za-z_][A-Za-z0-9_-]*)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s]+))", RegexOptions.CultureInvariant);

    private OAuthChallenge(string scheme, IReadOnlyDictionary<string, string> parameters)
    {
        Scheme = scheme;
        Parameters = parameters;
    }

    public string Scheme { get; }
    public IReadOnlyDictionary<string, string> Parameters { get; }
    public string? Error => Get("error");
    public string? ErrorDescription => Get("error_description");
    public string? Scope => Get("scope");
    public string? Resource => Get("resource");

    private string? Get(string name) => Parameters.TryGetValue(name, out var value) ? value : null;

    /// <summary>The first Bearer or DPoP challenge of a response, or null.</summary>
    public static OAuthChallenge? FromResponse(HttpResponseMessage response)
    {
        if (response is null) throw new ArgumentNullException(nameof(response));
        foreach (var header in response.Headers.WwwAuthenticate)
        {
            if (!string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(header.Scheme, "DPoP", StringComparison.OrdinalIgnoreCase)) continue;
            return Parse(header.Scheme, header.Parameter ?? "");
        }
        return null;
    }

    internal static OAuthChallenge Parse(string scheme, string parameters)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match m in Parameter.Matches(parameters))
        {
            var value = m.Groups[2].Success ? m.Groups[2].Value.Replace("\\\"", "\"") : m.Groups[3].Value;
            if (!values.ContainsKey(m.Groups[1].Value)) values[m.Groups[1].Value] = value;
        }
        return new OAuthChallenge(scheme, values);
    }

    /// <summary>
    /// For a 403 whose challenge says insufficient_scope, an <see cref="OAuthException"/> that names the missing
    /// scope and how to grant it; otherwise null. The HTTP client calls this when it builds errors.
    /// </summary>
    public static OAuthException? DescribeForbidden(HttpResponseMessage response)
    {
        if (response is null) throw new ArgumentNullException(nameof(response));
        if (response.StatusCode != HttpStatusCode.Forbidden) return null;
        var challenge = FromResponse(response);
        if (challenge is null || !string.Equals(challenge.Error, "insufficient_scope", StringComparison.Ordinal)) return null;
        var scope = challenge.Scope;
        var what = challenge.Resource ?? response.RequestMessage?.RequestUri?.AbsolutePath ?? "this call";
        var message = string.IsNullOrEmpty(scope)
            ? $"The OAuth access token lacks a scope needed for {what}. Grant the scope to the service app (Okta Admin Console > the app > Okta API Scopes) and include it in -Scope."
            : $"The OAuth access token lacks scope '{scope}', needed for {response.RequestMessage?.Method.Method ?? "this"} {what}. Grant '{scope}' to the service app (Okta Admin Console > the app > Okta API Scopes) and include it in -Scope when connecting.";
        var firstScope = scope?.Split(' ').FirstOrDefault(s => s.Length > 0);
        return new OAuthException(OAuthFailure.InsufficientScope, message, 403, "insufficient_scope", firstScope);
    }
}
