using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Paces requests (e.g. per Okta rate-limit bucket). <see cref="EnterAsync"/> runs before every attempt; the
/// lease it returns is told the answer's rate-limit headers and disposed once the answer is read or the
/// attempt failed.
/// </summary>
internal interface IRequestGate
{
    Task<IRequestLease> EnterAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken);
}

/// <summary>One attempt let through by an <see cref="IRequestGate"/>.</summary>
internal interface IRequestLease : IDisposable
{
    /// <summary>Called for an answer that carried X-Rate-Limit-* headers.</summary>
    void OnResponse(int statusCode, RateLimitInfo rateLimit);
}
