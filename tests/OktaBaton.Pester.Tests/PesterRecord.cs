using System.Text.Json;
using System.Text.Json.Serialization;

namespace OktaBaton.Pester.Tests;

/// <summary>One test as PesterHost.ps1 writes it: "file > block > … > test", Pester's result, and why it failed.</summary>
internal sealed record PesterRecord(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("durationMs")] int DurationMs,
    [property: JsonPropertyName("messages")] IReadOnlyList<string> Messages)
{
    /// <summary>The key of a failure of a whole file (it did not load, or failed outside any test).</summary>
    public static string FileKey(string file) => file + " > (file)";

    public static string FileOf(string key) => key[..key.IndexOf(" > ", StringComparison.Ordinal)];

    public static IReadOnlyList<PesterRecord> ReadAll(string path) =>
        JsonSerializer.Deserialize<List<PesterRecord>>(File.ReadAllText(path)) ?? [];
}
