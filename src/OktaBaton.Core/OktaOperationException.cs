using System;

namespace OktaBaton.Core;

/// <summary>
/// A failure the engine detected itself (bad input, an operation Okta does not allow on this object),
/// with a stable id that front ends use as an error id, e.g. "OktaInvalidGroupType".
/// </summary>
public class OktaOperationException : Exception
{
    public OktaOperationException(string errorId, OktaFailureKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    public string ErrorId { get; }

    public OktaFailureKind Kind { get; }
}
