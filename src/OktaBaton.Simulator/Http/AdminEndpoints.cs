using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using OktaBaton.Simulator.Json;

namespace OktaBaton.Simulator.Http;

/// <summary>/__simulator/*: no auth, never rate limited, not counted in stats.</summary>
internal sealed class AdminEndpoints
{
    private static readonly JsonSerializerOptions StatsJson = new(JsonSerializerDefaults.Web);
    private readonly SimulatorPipeline _pipeline;

    public AdminEndpoints(SimulatorPipeline pipeline)
    {
        _pipeline = pipeline;
    }

    public async Task HandleAsync(HttpContext context, string path)
    {
        var method = context.Request.Method;
        const string ConsolePrefix = "/__simulator/console/";
        if (path.StartsWith(ConsolePrefix, StringComparison.OrdinalIgnoreCase))
        {
            await _pipeline.ServeConsoleAsync(context, path[(ConsolePrefix.Length - 1)..]).ConfigureAwait(false);
            return;
        }
        var route = path.TrimEnd('/').ToLowerInvariant();
        switch (route)
        {
            case "/__simulator/state" when HttpMethods.IsGet(method):
                var buffer = new ArrayBufferWriter<byte>(64 * 1024);
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    var org = _pipeline.Org;
                    lock (org.Sync)
                    {
                        StateWriter.Write(writer, org, _pipeline.BaseUrl);
                    }
                }
                await WriteJsonAsync(context, buffer.WrittenMemory).ConfigureAwait(false);
                return;
            case "/__simulator/log" when HttpMethods.IsGet(method):
                var events = new ArrayBufferWriter<byte>(64 * 1024);
                using (var writer = new Utf8JsonWriter(events))
                {
                    var org = _pipeline.Org;
                    lock (org.Sync)
                    {
                        writer.WriteStartArray();
                        foreach (var e in org.Log.Events)
                        {
                            LogEventJson.Write(writer, e);
                        }
                        writer.WriteEndArray();
                    }
                }
                await WriteJsonAsync(context, events.WrittenMemory).ConfigureAwait(false);
                return;
            case "/__simulator/stats" when HttpMethods.IsGet(method):
                await WriteJsonAsync(context, JsonSerializer.SerializeToUtf8Bytes(_pipeline.Stats.Snapshot(), StatsJson)).ConfigureAwait(false);
                return;
            case "/__simulator/stats/reset" when HttpMethods.IsPost(method):
                _pipeline.Stats.Reset();
                _pipeline.RateLimiter.Reset();
                context.Response.StatusCode = 204;
                return;
            case "/__simulator/reset" when HttpMethods.IsPost(method):
                _pipeline.Reset();
                context.Response.StatusCode = 204;
                return;
            case "/__simulator/faults" when HttpMethods.IsPost(method):
                await EnqueueFaultAsync(context).ConfigureAwait(false);
                return;
            default:
                await SimulatorPipeline.WriteErrorAsync(context, 404, "E0000008", "The requested path was not found").ConfigureAwait(false);
                return;
        }
    }

    private async Task EnqueueFaultAsync(HttpContext context)
    {
        FaultRequest? fault;
        try
        {
            fault = await JsonSerializer.DeserializeAsync<FaultRequest>(context.Request.Body, StatsJson, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            fault = null;
        }
        if (fault?.PathPrefix is null || fault.Count < 1 || !Enum.TryParse<FaultKind>(fault.Kind, ignoreCase: true, out var kind))
        {
            await SimulatorPipeline.WriteErrorAsync(context, 400, "E0000001", "Api validation failed: fault",
                new[] { $"Expected {{\"pathPrefix\":\"/api/v1/…\",\"kind\":\"{string.Join("|", Enum.GetNames<FaultKind>())}\",\"count\":N}}" }).ConfigureAwait(false);
            return;
        }
        _pipeline.Faults.Enqueue(fault.PathPrefix, kind, fault.Count, fault.Method);
        context.Response.StatusCode = 204;
    }

    private static async Task WriteJsonAsync(HttpContext context, ReadOnlyMemory<byte> body)
    {
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private sealed record FaultRequest(string? PathPrefix, string? Kind, int Count, string? Method);
}
