using Xunit;
using System.Net;
using OktaBaton.Core.Okta;

namespace OktaBaton.Core.Tests.OAuth;

/// <summary>
/// Sends requests the way the IOktaAuthenticator contract says the HTTP client does: authenticate every attempt,
/// and on a 401 ask the authenticator whether to send once more. Records every status seen.
/// </summary>
internal sealed class AuthenticatedSender(HttpClient http, IOktaAuthenticator authenticator)
{
    public List<HttpStatusCode> Statuses { get; } = new();

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri)
    {
        for (var attempt = 1; ; attempt++)
        {
            var request = new HttpRequestMessage(method, uri);
            await authenticator.AuthenticateAsync(request, CancellationToken.None);
            var response = await http.SendAsync(request);
            Statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 1
                && await authenticator.ShouldRetryUnauthorizedAsync(response, CancellationToken.None))
            {
                response.Dispose();
                continue;
            }
            return response;
        }
    }
}
