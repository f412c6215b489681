using System;

namespace OktaBaton.Core.Okta;

/// <summary>A listing's next link was unusable: a cursor that repeats, or a link to another origin.</summary>
public sealed class OktaPagingException : Exception
{
    public OktaPagingException(string message, string method, string path)
        : base(message)
    {
        Method = method;
        Path = path;
    }

    public string Method { get; }

    public string Path { get; }
}
