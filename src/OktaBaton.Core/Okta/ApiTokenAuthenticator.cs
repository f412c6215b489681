using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Security;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>Okta API token ("SSWS") authentication. The token is never shown by ToString or in errors.</summary>
public sealed class ApiTokenAuthenticator : IOktaAuthenticator
{
    private readonly string _token;

    public ApiTokenAuthenticator(string token)
    {
        _token = Validate(token);
    }

    public ApiTokenAuthenticator(SecureString token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        _token = Validate(ToPlainText(token));
    }

    public string Method => "ApiToken";

    public Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            throw new ArgumentNullException(nameof(request));
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("SSWS", _token);
        return Task.CompletedTask;
    }

    /// <summary>An API token has no state to refresh: a 401 is final.</summary>
    public Task<bool> ShouldRetryUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        Task.FromResult(false);

    public override string ToString() => "ApiToken (SSWS)";

    private static string Validate(string token)
    {
        if (token is null)
        {
            throw new ArgumentNullException(nameof(token));
        }

        var trimmed = token.Trim();
        if (trimmed.Length == 0)
        {
            throw new ArgumentException("The API token is empty.", nameof(token));
        }

        foreach (var c in trimmed)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c > '\u007e')
            {
                throw new ArgumentException("The API token contains whitespace, control or non-ASCII characters; check that it was copied whole.", nameof(token));
            }
        }

        return trimmed;
    }

    private static string ToPlainText(SecureString secure)
    {
        var pointer = IntPtr.Zero;
        try
        {
            pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
            return Marshal.PtrToStringUni(pointer) ?? string.Empty;
        }
        finally
        {
            if (pointer != IntPtr.Zero)
            {
                Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
