namespace OktaBaton.Simulator;

/// <summary>One API request and the answer the simulator gave it, as seen on the wire (admin endpoints excluded).</summary>
public sealed record SimulatorExchange
{
    public required string Method { get; init; }

    /// <summary>The request's path, unescaped as ASP.NET Core gives it.</summary>
    public required string Path { get; init; }

    /// <summary>The raw query string, with its leading '?', or empty.</summary>
    public required string QueryString { get; init; }

    public required IReadOnlyDictionary<string, string> RequestHeaders { get; init; }

    public required ReadOnlyMemory<byte> RequestBody { get; init; }

    public required int StatusCode { get; init; }

    public required IReadOnlyDictionary<string, string> ResponseHeaders { get; init; }

    public required ReadOnlyMemory<byte> ResponseBody { get; init; }

    /// <summary>The simulator route that served it ("/api/v1/users/{id}"), or null when no route matched.</summary>
    public string? RouteTemplate { get; init; }

    /// <summary>
    /// The answer came from the simulated network rather than from Okta's API: an injected fault (HTML 5xx, a
    /// dropped connection) or the front end's 411. Such answers are not Okta's contract.
    /// </summary>
    public bool FromNetwork { get; init; }

    /// <summary>The connection was dropped before the whole answer was sent.</summary>
    public bool Aborted { get; init; }
}

/// <summary>Watches every API exchange of one simulator (tests use it to check Okta's contract).</summary>
public interface ISimulatorObserver
{
    /// <summary>Called once an exchange's answer is complete; may run on any thread, concurrently.</summary>
    void OnExchange(SimulatorExchange exchange);

    /// <summary>Called when the simulator stops; an exception here fails the stop (the observer's verdict).</summary>
    void OnStopped();
}
