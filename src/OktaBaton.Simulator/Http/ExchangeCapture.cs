using Microsoft.AspNetCore.Http;

namespace OktaBaton.Simulator.Http;

/// <summary>Copies one request and its answer for an <see cref="ISimulatorObserver"/>.</summary>
internal sealed class ExchangeCapture
{
    private const string RouteKey = "OktaBaton.Simulator.Route";
    private const string NetworkKey = "OktaBaton.Simulator.Network";
    private readonly HttpContext _context;
    private readonly Stream _realBody;
    private readonly MemoryStream _copy = new();

    private readonly byte[] _requestBody;

    private ExchangeCapture(HttpContext context, byte[] requestBody)
    {
        _context = context;
        _requestBody = requestBody;
        _realBody = context.Response.Body;
        context.Response.Body = new TeeStream(_realBody, _copy);
    }

    /// <summary>Reads the request's body first (a fault may drop the connection before anything else does) and copies the answer.</summary>
    public static async Task<ExchangeCapture?> StartAsync(HttpContext context, ISimulatorObserver? observer)
    {
        if (observer is null) return null;
        var request = context.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        return new ExchangeCapture(context, buffer.ToArray());
    }

    /// <summary>Names the route that serves the request (or the token endpoint).</summary>
    public static void MarkRoute(HttpContext context, string template) => context.Items[RouteKey] = template;

    /// <summary>The answer is the simulated network's (a fault, the front end's 411), not Okta's API.</summary>
    public static void MarkNetwork(HttpContext context) => context.Items[NetworkKey] = true;

    public void Finish(ISimulatorObserver observer)
    {
        _context.Response.Body = _realBody;
        var request = _context.Request;
        observer.OnExchange(new SimulatorExchange
        {
            Method = request.Method,
            Path = request.Path.Value ?? "/",
            QueryString = request.QueryString.Value ?? string.Empty,
            RequestHeaders = Flatten(request.Headers),
            RequestBody = _requestBody,
            StatusCode = _context.Response.StatusCode,
            ResponseHeaders = Flatten(_context.Response.Headers),
            ResponseBody = _copy.ToArray(),
            RouteTemplate = _context.Items.TryGetValue(RouteKey, out var route) ? route as string : null,
            FromNetwork = _context.Items.ContainsKey(NetworkKey),
            Aborted = _context.RequestAborted.IsCancellationRequested,
        });
    }

    private static Dictionary<string, string> Flatten(IHeaderDictionary headers)
    {
        var flat = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in headers)
        {
            flat[name] = values.ToString();
        }
        return flat;
    }

    /// <summary>Writes through to the real body and keeps a copy.</summary>
    private sealed class TeeStream(Stream target, Stream copy) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => target.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => target.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            copy.Write(buffer, offset, count);
            target.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            copy.Write(buffer.Span);
            await target.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }
}
