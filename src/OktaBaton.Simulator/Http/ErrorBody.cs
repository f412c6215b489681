using System.Buffers;
using System.Text.Json;
using OktaBaton.Simulator.Model;

namespace OktaBaton.Simulator.Http;

internal static class ErrorBody
{
    /// <summary>Okta's errorIds are 25 characters, e.g. "oaewjePjfdBT7m71KkPz0Ipaw" in the Error examples of Okta's management spec.</summary>
    public const int ErrorIdLength = 25;

    private static long _counter;
    private static readonly long Salt = DateTime.UtcNow.Ticks;

    public static byte[] Create(string errorCode, string errorSummary, IReadOnlyList<string>? causes = null)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorCode", errorCode);
            writer.WriteString("errorSummary", errorSummary);
            writer.WriteString("errorLink", errorCode);
            writer.WriteString("errorId", IdFactory.Make("oae", Salt, (int)Interlocked.Increment(ref _counter), ErrorIdLength));
            writer.WriteStartArray("errorCauses");
            foreach (var cause in causes ?? Array.Empty<string>())
            {
                writer.WriteStartObject();
                writer.WriteString("errorSummary", cause);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
