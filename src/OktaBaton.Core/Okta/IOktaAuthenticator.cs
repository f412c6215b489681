using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>
/// How requests to an org prove who they are. The client calls <see cref="AuthenticateAsync"/> on every
/// attempt (retries included), so an implementation may mint fresh proofs (DPoP) per attempt.
/// </summary>
public interface IOktaAuthenticator
{
    /// <summary>"ApiToken" or "OAuth"; shown to users, never secret.</summary>
    string Method { get; }

    /// <summary>Adds Authorization (and any proof headers) to the request.</summary>
    Task AuthenticateAsync(HttpRequestMessage request, CancellationToken cancellationToken);

    /// <summary>
    /// Called when a resource request answered 401. Returns true when the authenticator changed its state
    /// (e.g. learnt a DPoP nonce) and the request should be sent once more.
    /// </summary>
    Task<bool> ShouldRetryUnauthorizedAsync(HttpResponseMessage response, CancellationToken cancellationToken);
}
