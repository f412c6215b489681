using System.Text.RegularExpressions;

namespace OktaBaton.Benchmarks;

/// <summary>
/// Whether two sync files hold the same bytes apart from what differs between any two syncs of one org: sync id, times,
/// what the sync cost (stats' requests, retries, duration) and which file it was refreshed from. Streams both.
/// </summary>
internal static partial class SyncFileEquality
{
    public static (bool Equal, long Lines, string? FirstDifference) Compare(string expectedPath, string actualPath)
    {
        using var expected = Lines(expectedPath).GetEnumerator();
        using var actual = Lines(actualPath).GetEnumerator();
        long line = 0;
        while (true)
        {
            var more = expected.MoveNext();
            var moreActual = actual.MoveNext();
            if (!more && !moreActual) return (true, line, null);
            line++;
            if (more != moreActual || expected.Current != actual.Current)
            {
                return (false, line, $"line {line}: {Cut(more ? expected.Current : "(end)")} / {Cut(moreActual ? actual.Current : "(end)")}");
            }
        }
    }

    private static IEnumerable<string> Lines(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (PerSync().IsMatch(line)) continue;
            yield return line.StartsWith("\"stats\":", StringComparison.Ordinal) ? Cost().Replace(line, "\"stats\":{") : line;
        }
    }

    private static string Cut(string line) => line.Length > 200 ? line[..200] + "…" : line;

    [GeneratedRegex("^\"(syncId|startedAt|completedAt|orgStartedAt|refreshedFrom|end)\":")]
    private static partial Regex PerSync();

    [GeneratedRegex("^\"stats\":\\{\"requests\":\\d+,\"retries\":\\d+,\"durationMs\":\\d+,")]
    private static partial Regex Cost();
}
