namespace OktaBaton.Simulator.Model;

/// <summary>Okta-looking ids derived deterministically from (prefix, salt, index): 20 characters for objects.</summary>
internal static class IdFactory
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private const int ObjectIdLength = 20;

    public static string Make(string prefix, long salt, int index) => Make(prefix, salt, index, ObjectIdLength);

    /// <summary>An id of <paramref name="length"/> characters (at most 20 carry entropy; Okta's errorIds are 25 long).</summary>
    public static string Make(string prefix, long salt, int index, int length)
    {
        // SplitMix64 is a bijection on 64 bits, so distinct inputs give distinct first halves.
        var prefixHash = 0UL;
        foreach (var c in prefix)
        {
            prefixHash = Mix(prefixHash ^ c);
        }
        var first = Mix(unchecked(((ulong)salt ^ prefixHash) * 0x9E3779B97F4A7C15UL) ^ (ulong)(uint)index);
        var second = Mix(first ^ 0xD1B54A32D192ED03UL);
        Span<char> chars = stackalloc char[length];
        prefix.AsSpan().CopyTo(chars);
        var position = prefix.Length;
        var firstLength = 11;
        for (var i = 0; i < firstLength && position < length; i++, position++)
        {
            chars[position] = Alphabet[(int)(first % 62)];
            first /= 62;
        }
        while (position < length)
        {
            if (second == 0)
            {
                second = Mix(first ^ (ulong)position);
            }
            chars[position++] = Alphabet[(int)(second % 62)];
            second /= 62;
        }
        return new string(chars);
    }

    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
