using System;
using System.Threading;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Lets a front end watch the requests its own work sends, e.g. to show them on PowerShell's Debug stream.
/// The observer flows with the async work (AsyncLocal), so two commands sharing one connection each see only
/// their own requests. Lines carry method, path, status, request id and timing — never headers or bodies.
/// </summary>
public static class OktaRequestTrace
{
    private static readonly AsyncLocal<Action<string>?> Current = new();

    /// <summary>Starts sending trace lines to <paramref name="observer"/> for work started from here on.</summary>
    public static IDisposable Observe(Action<string> observer) =>
        AsyncLocalScope.Set(Current, observer ?? throw new ArgumentNullException(nameof(observer)));

    internal static bool IsObserved => Current.Value is not null;

    internal static void Write(string line) => Current.Value?.Invoke(line);
}
