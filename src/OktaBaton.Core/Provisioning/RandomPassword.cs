using System;
using System.Security.Cryptography;

namespace OktaBaton.Core.Provisioning;

/// <summary>Cryptographically random passwords with every character class Okta's policies may ask for.</summary>
public static class RandomPassword
{
    public const int MinimumLength = 24;
    public const int DefaultLength = 32;

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "!#$%&*+-=?@^_~";
    private const string All = Upper + Lower + Digits + Symbols;

    public static string Generate(int length = DefaultLength)
    {
        if (length < MinimumLength)
        {
            throw new ArgumentOutOfRangeException(nameof(length), $"A generated password has at least {MinimumLength} characters.");
        }

        var chars = new char[length];
        using var random = RandomNumberGenerator.Create();
        chars[0] = Pick(random, Upper);
        chars[1] = Pick(random, Lower);
        chars[2] = Pick(random, Digits);
        chars[3] = Pick(random, Symbols);
        for (var i = 4; i < length; i++)
        {
            chars[i] = Pick(random, All);
        }

        for (var i = length - 1; i > 0; i--)
        {
            var j = Next(random, i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }

        return new string(chars);
    }

    private static char Pick(RandomNumberGenerator random, string from) => from[Next(random, from.Length)];

    /// <summary>Uniform in [0, bound) by rejection sampling, so no character is likelier than another.</summary>
    private static int Next(RandomNumberGenerator random, int bound)
    {
        var buffer = new byte[4];
        var limit = uint.MaxValue - (uint.MaxValue % (uint)bound);
        uint value;
        do
        {
            random.GetBytes(buffer);
            value = BitConverter.ToUInt32(buffer, 0);
        }
        while (value >= limit);
        return (int)(value % (uint)bound);
    }
}
