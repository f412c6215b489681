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
        if (HttpMethods.IsPost(method) && SignInPath.Match(path) is { Success: true } signIn)
        {
            await SignInAsync(context, Uri.UnescapeDataString(signIn.Groups[1].Value)).ConfigureAwait(false);
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
            case "/__simulator/log" when HttpMethods.IsPost(method):
                await RecordOtherEventAsync(context).ConfigureAwait(false);
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

    private static readonly System.Text.RegularExpressions.Regex SignInPath = new("^/__simulator/users/([^/]+)/sign-in/?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// POST /__simulator/users/{idOrLogin}/sign-in: the user signs in to Okta (what Okta's sign-in page does): lastLogin
    /// moves and the log records user.session.start with the user as actor. Only users who can sign in: ACTIVE or
    /// PASSWORD_EXPIRED.
    /// </summary>
    private async Task SignInAsync(HttpContext context, string idOrLogin)
    {
        var org = _pipeline.Org;
        lock (org.Sync)
        {
            var user = org.FindUser(idOrLogin);
            if (user is not null && user.Status is Model.UserStatus.Active or Model.UserStatus.PasswordExpired)
            {
                using (org.ChangesBy(SystemLog.ChangeContexts.ForSignIn(context, org, user.Id)))
                {
                    org.SignIn(user, org.Now);
                }
                context.Response.StatusCode = 204;
                return;
            }
        }
        await SimulatorPipeline.WriteErrorAsync(context, 403, "E0000004", "Authentication failed").ConfigureAwait(false);
    }

    /// <summary>
    /// POST /__simulator/log {"eventType": "…", "target": [{"id": "…", "type": "…"}]}: an event for a change the
    /// simulator does not model (an import, a group rule, …), recorded as the Admin Console's administrator would
    /// cause it; the org itself does not change. For testing what a reader of the log does with such an event.
    /// </summary>
    private async Task RecordOtherEventAsync(HttpContext context)
    {
        using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        var root = body.RootElement;
        var eventType = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("eventType", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
        if (string.IsNullOrWhiteSpace(eventType))
        {
            await SimulatorPipeline.WriteErrorAsync(context, 400, "E0000001", "Api validation failed: eventType").ConfigureAwait(false);
            return;
        }
        var targets = new List<SystemLog.LogTarget>();
        if (root.TryGetProperty("target", out var array) && array.ValueKind == JsonValueKind.Array)
        {
            foreach (var target in array.EnumerateArray())
            {
                targets.Add(new SystemLog.LogTarget(target.GetProperty("id").GetString() ?? "", target.GetProperty("type").GetString() ?? "", "unknown", "unknown"));
            }
        }
        var org = _pipeline.Org;
        lock (org.Sync)
        {
            var admin = org.Users[org.TokenOwnerIndex]!.Id;
            using (org.ChangesBy(SystemLog.ChangeContexts.ForAdminConsole(context, org, admin, "/admin/other")))
            {
                org.RecordOther(eventType!, targets);
            }
        }
        context.Response.StatusCode = 204;
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
