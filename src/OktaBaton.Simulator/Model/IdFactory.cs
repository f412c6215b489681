namespace OktaBaton.Simulator.Model;

/// <summary>Okta-looking 20-character ids derived deterministically from (prefix, salt, index).</summary>
internal static class IdFactory
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string Make(string prefix, long salt, int index)
    {
        // SplitMix64 is a bijection on 64 bits, so distinct inputs give distinct first halves.
        var prefixHash = 0UL;
        foreach (var c in prefix)
        {
            prefixHash = Mix(prefixHash ^ c);
        }
        var first = Mix(unchecked(((ulong)salt ^ prefixHash) * 0x9E3779B97F4A7C15UL) ^ (ulong)(uint)index);
        var second = Mix(first ^ 0xD1B54A32D192ED03UL);
        Span<char> chars = stackalloc char[20];
        prefix.AsSpan().CopyTo(chars);
        var position = prefix.Length;
        var firstLength = 11;
        for (var i = 0; i < firstLength && position < 20; i++, position++)
        {
            chars[position] = Alphabet[(int)(first % 62)];
            first /= 62;
        }
        while (position < 20)
        {
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
