using OktaBaton.Simulator.Auth;

namespace OktaBaton.Simulator.Http;

internal sealed class Router
{
    private readonly List<Route> _routes = new();

    public void Map(string method, string template, Permission needed, ApiHandler handler) =>
        _routes.Add(new Route(method, template, needed, handler));

    /// <summary>A route that needs no credentials; the handler sees an anonymous caller.</summary>
    public void MapAnonymous(string method, string template, ApiHandler handler) =>
        _routes.Add(new Route(method, template, Permission.None, handler, anonymous: true));

    public IReadOnlyList<string> Keys => _routes.Select(r => r.Key).ToList();

    public void Get(string template, Permission needed, ApiHandler handler) => Map("GET", template, needed, handler);
    public void Post(string template, Permission needed, ApiHandler handler) => Map("POST", template, needed, handler);
    public void Put(string template, Permission needed, ApiHandler handler) => Map("PUT", template, needed, handler);
    public void Delete(string template, Permission needed, ApiHandler handler) => Map("DELETE", template, needed, handler);

    /// <summary>The first route whose template and method match (literal routes are registered before parameter routes).</summary>
    public RouteLookup Find(string method, string path, Dictionary<string, string> values)
    {
        var segments = path.Trim('/').Split('/');
        var pathMatched = false;
        foreach (var route in _routes)
        {
            if (!route.TryMatch(segments, values))
            {
                continue;
            }
            if (string.Equals(route.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                return new RouteLookup(route, true);
            }
            pathMatched = true;
            values.Clear();
        }
        return new RouteLookup(null, pathMatched);
    }
}

internal readonly record struct RouteLookup(Route? Route, bool PathExists);
