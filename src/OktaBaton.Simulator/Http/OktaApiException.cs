namespace OktaBaton.Simulator.Http;

/// <summary>An Okta error answer: thrown by handlers, written as Okta's error body.</summary>
internal sealed class OktaApiException : Exception
{
    public OktaApiException(int statusCode, string errorCode, string errorSummary, params string[] causes)
        : base(errorSummary)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        ErrorSummary = errorSummary;
        Causes = causes;
    }

    public int StatusCode { get; }
    public string ErrorCode { get; }
    public string ErrorSummary { get; }
    public IReadOnlyList<string> Causes { get; }

    public static OktaApiException NotFound(string id, string kind) =>
        new(404, "E0000007", $"Not found: Resource not found: {id} ({kind})");

    public static OktaApiException PathNotFound() =>
        new(404, "E0000008", "The requested path was not found");

    public static OktaApiException Forbidden() =>
        new(403, "E0000006", "You do not have permission to perform the requested action");

    public static OktaApiException UnsupportedOperation() =>
        new(501, "E0000060", "Unsupported operation.");

    public static OktaApiException Validation(string field, params string[] causes) =>
        new(400, "E0000001", $"Api validation failed: {field}", causes);

    public static OktaApiException MalformedBody() =>
        new(400, "E0000003", "The request body was not well-formed.");

    public static OktaApiException MethodNotAllowed() =>
        new(405, "E0000022", "The endpoint does not support the provided HTTP method");
}
