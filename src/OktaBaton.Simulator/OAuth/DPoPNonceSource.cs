using System.Security.Cryptography;

namespace OktaBaton.Simulator.OAuth;

/// <summary>Server-chosen DPoP nonces that rotate; the current and the previous one are accepted.</summary>
internal sealed class DPoPNonceSource
{
    private readonly OAuthServerOptions _options;
    private readonly object _gate = new();
    private string _current = NewNonce();
    private string _previous = NewNonce();
    private DateTimeOffset _rotatedAt;

    public DPoPNonceSource(OAuthServerOptions options)
    {
        _options = options;
        _rotatedAt = options.TimeProvider.GetUtcNow();
    }

    public string Current
    {
        get
        {
            lock (_gate)
            {
                Rotate();
                return _current;
            }
        }
    }

    public bool IsValid(string? nonce)
    {
        if (string.IsNullOrEmpty(nonce)) return false;
        lock (_gate)
        {
            Rotate();
            return nonce == _current || nonce == _previous;
        }
    }

    private void Rotate()
    {
        var now = _options.TimeProvider.GetUtcNow();
        if (now - _rotatedAt < _options.NonceLifetime) return;
        _previous = now - _rotatedAt < _options.NonceLifetime * 2 ? _current : NewNonce();
        _current = NewNonce();
        _rotatedAt = now;
    }

    private static string NewNonce() => SimJws.Encode(RandomNumberGenerator.GetBytes(24));
}
