using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace OktaBaton.Core.Tests.Sync.Refresh;

/// <summary>
/// Whether two sync files are the same bytes apart from what differs between any two syncs of one org: the sync id,
/// the times, what the sync cost (stats.requests, retries, durationMs) and which file it was refreshed from.
/// </summary>
public static class SyncFileEquality
{
    private static readonly string[] PerSync = { "syncId", "startedAt", "completedAt", "orgStartedAt", "refreshedFrom", "end" };

    public static void AssertEqual(string expectedPath, string actualPath, string because)
    {
        var expected = Normalized(expectedPath);
        var actual = Normalized(actualPath);
        for (var i = 0; i < Math.Min(expected.Count, actual.Count); i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"{because}: line {i + 1} differs.\nfull:      {Cut(expected[i])}\nrefreshed: {Cut(actual[i])}\n{Context(expected, actual, i)}");
            }
        }
        Assert.True(expected.Count == actual.Count, $"{because}: the full sync has {expected.Count} lines, the refreshed file {actual.Count}");
    }

    /// <summary>The file's lines, minus the per-sync header lines, with the stats' cost zeroed.</summary>
    public static List<string> Normalized(string path)
    {
        var lines = new List<string>();
        foreach (var line in File.ReadAllLines(path))
        {
            if (PerSync.Any(name => line.StartsWith("\"" + name + "\":", StringComparison.Ordinal))) continue;
            if (line.StartsWith("\"stats\":", StringComparison.Ordinal))
            {
                var stats = JsonNode.Parse(line.Substring("\"stats\":".Length).TrimEnd(','))!.AsObject();
                stats["requests"] = 0;
                stats["retries"] = 0;
                stats["durationMs"] = 0;
                lines.Add("\"stats\":" + stats.ToJsonString());
                continue;
            }
            lines.Add(line);
        }
        return lines;
    }

    private static string Context(List<string> expected, List<string> actual, int at)
    {
        var missing = expected.Except(actual).Take(5).Select(Cut);
        var extra = actual.Except(expected).Take(5).Select(Cut);
        return $"only in the full sync: {string.Join(" | ", missing)}\nonly in the refreshed file: {string.Join(" | ", extra)}";
    }

    private static string Cut(string line) => line.Length > 300 ? line.Substring(0, 300) + "…" : line;
}
