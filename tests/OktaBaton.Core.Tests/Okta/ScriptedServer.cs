using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OktaBaton.Core.Tests.Okta;

/// <summary>
/// A tiny loopback HTTP server answering from a script, for server misbehaviour the simulator does not produce
/// (repeated cursors, foreign next links, odd headers, slow or non-JSON answers). Records every request.
/// </summary>
internal sealed class ScriptedServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<ScriptedRequest, HttpListenerResponse, Task> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="port">A port to listen on again (a server that comes back); a free one when omitted.</param>
    public ScriptedServer(Func<ScriptedRequest, HttpListenerResponse, Task> handler, int? port = null)
    {
        _handler = handler;
        Port = port ?? FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port { get; }

    public string Domain => $"http://127.0.0.1:{Port}";

    public ConcurrentQueue<ScriptedRequest> Requests { get; } = new();

    public static async Task WriteJsonAsync(HttpListenerResponse response, int status, string json, params (string Name, string Value)[] headers)
    {
        response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            response.Headers.Add(name, value);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        response.ContentType = "application/json";
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (HttpListenerException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync();
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in request.Headers.AllKeys)
        {
            if (name is not null)
            {
                headers[name] = request.Headers[name] ?? string.Empty;
            }
        }

        var scripted = new ScriptedRequest(request.HttpMethod, request.Url!.PathAndQuery, headers, body, Requests.Count);
        Requests.Enqueue(scripted);
        try
        {
            await _handler(scripted, context.Response);
        }
        catch (Exception)
        {
            // The client went away (timeouts, cancellation); nothing to answer.
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
    }
}

internal sealed record ScriptedRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body, int Index)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
