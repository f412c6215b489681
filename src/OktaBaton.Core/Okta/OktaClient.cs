using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace OktaBaton.Core.Okta;

/// <summary>HTTP client for one Okta org: authentication, paging, retries, errors.</summary>
public sealed class OktaClient : IDisposable
{
    private readonly OktaClientOptions _options;

    public OktaClient(OktaClientOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
    }

    public OktaOrgUrl Org => _options.Org;

    public OktaClientStats Stats { get; } = new();

    public Task<T> GetAsync<T>(string relativeUrl, CancellationToken ct) => throw new NotImplementedException();

    public IAsyncEnumerable<T> ListAsync<T>(string relativeUrl, CancellationToken ct) => throw new NotImplementedException();

    public IAsyncEnumerable<IReadOnlyList<T>> ListPagesAsync<T>(string relativeUrl, CancellationToken ct) => throw new NotImplementedException();

    public IAsyncEnumerable<T> ListIamAsync<T>(string relativeUrl, string arrayProperty, CancellationToken ct) => throw new NotImplementedException();

    public Task<T> SendAsync<T>(HttpMethod method, string relativeUrl, object? body, CancellationToken ct) => throw new NotImplementedException();

    public Task SendAsync(HttpMethod method, string relativeUrl, object? body, CancellationToken ct) => throw new NotImplementedException();

    public void Dispose()
    {
    }
}
