namespace OktaBaton.Core.Tests.Provisioning;

/// <summary>
/// A transport fault: the first request matching <paramref name="method"/> and <paramref name="pathPart"/> reaches
/// the simulator and is applied there, then its answer is lost, as when a connection drops mid-response.
/// </summary>
internal sealed class LostAnswerHandler(string method, string pathPart) : DelegatingHandler(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
{
    private int _lost;

    public int Lost => _lost;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method.Method == method && request.RequestUri!.AbsolutePath.Contains(pathPart, StringComparison.Ordinal)
            && Interlocked.CompareExchange(ref _lost, 1, 0) == 0)
        {
            response.Dispose();
            throw new HttpRequestException("The response ended prematurely (test fault after the server applied the request).");
        }

        return response;
    }
}
