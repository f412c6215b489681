using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>
/// Paces requests (e.g. per Okta rate-limit bucket). <see cref="WaitAsync"/> runs before every attempt,
/// <see cref="OnResponse"/> after every answer that carried rate-limit headers.
/// </summary>
internal interface IRequestGate
{
    Task WaitAsync(HttpMethod method, Uri uri, CancellationToken cancellationToken);

    void OnResponse(HttpMethod method, Uri uri, int statusCode, RateLimitInfo rateLimit);
}
