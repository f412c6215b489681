namespace OktaBaton.Simulator;

/// <summary>The failure a simulated request ends in.</summary>
public enum FaultKind
{
    InternalServerError,
    ServiceUnavailable,
    BadGateway,
    GatewayTimeout,
    ConnectionReset,
    /// <summary>The request hangs (longer than any sane client timeout) until the client gives up.</summary>
    Timeout,
    /// <summary>The request is applied, then the connection drops before the answer: a write's client cannot know it landed.</summary>
    AnswerLost,
}
