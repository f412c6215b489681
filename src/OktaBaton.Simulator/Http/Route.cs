using OktaBaton.Simulator.Auth;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Http;

/// <summary>Runs under the org lock; writes its answer into the request.</summary>
internal delegate void ApiHandler(ApiRequest request, OrgState org);

internal sealed class Route
{
    private readonly string[] _segments;

    public Route(string method, string template, Permission needed, ApiHandler handler, bool anonymous = false)
    {
        Anonymous = anonymous;
        Method = method;
        Template = template;
        Needed = needed;
        Handler = handler;
        _segments = template.Trim('/').Split('/');
        Key = $"{method} {template}";
    }

    public string Method { get; }
    public string Template { get; }
    public Permission Needed { get; }
    public ApiHandler Handler { get; }
    public string Key { get; }
    /// <summary>Served without an Authorization header (e.g. an OAuth token endpoint).</summary>
    public bool Anonymous { get; }

    public bool TryMatch(string[] pathSegments, Dictionary<string, string> values)
    {
        if (pathSegments.Length != _segments.Length)
        {
            return false;
        }
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            if (segment.Length > 2 && segment[0] == '{' && segment[^1] == '}')
            {
                if (pathSegments[i].Length == 0)
                {
                    return false;
                }
                values[segment[1..^1]] = Uri.UnescapeDataString(pathSegments[i]);
            }
            else if (!string.Equals(segment, pathSegments[i], StringComparison.OrdinalIgnoreCase))
            {
                values.Clear();
                return false;
            }
        }
        return true;
    }
}
