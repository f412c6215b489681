namespace OktaBaton.Contract;

/// <summary>
/// One way an exchange differs from Okta's spec. <see cref="Kind"/>, <see cref="Schema"/> and
/// <see cref="Property"/> are what the allow-list matches on.
/// </summary>
public sealed record Violation(string Kind, string Location, string? Schema, string? Property, string Message)
{
    /// <summary>"GET /api/v1/users/{id}" — the spec operation, when one matched.</summary>
    public string? Operation { get; init; }

    /// <summary>The answer's status, for answer violations.</summary>
    public int? Status { get; init; }

    public override string ToString() =>
        $"{Operation ?? "(no operation)"}{(Status is { } s ? $" → {s}" : "")}: {Kind} at {Location}{(Schema is null ? "" : $" ({Schema})")}: {Message}";
}

/// <summary>The kinds of <see cref="Violation"/>.</summary>
public static class ViolationKinds
{
    public const string UndeclaredOperation = "undeclared-operation";
    public const string UndeclaredStatus = "undeclared-status";
    public const string UndeclaredContentType = "undeclared-content-type";
    public const string MissingBody = "missing-body";
    public const string UndeclaredBody = "undeclared-body";
    public const string UndeclaredParameter = "undeclared-parameter";
    public const string MissingParameter = "missing-parameter";
    public const string NotJson = "not-json";
    public const string Type = "type";
    public const string Null = "null";
    public const string Enum = "enum";
    public const string Format = "format";
    public const string Pattern = "pattern";
    public const string BrokenPattern = "broken-pattern";
    public const string Length = "length";
    public const string Range = "range";
    public const string Required = "required";
    public const string AdditionalProperty = "additional-property";
    public const string ReadOnlySent = "read-only-sent";
    public const string NoAlternative = "no-alternative";
    public const string Discriminator = "discriminator";
}
