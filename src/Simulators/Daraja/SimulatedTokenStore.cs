using System.Security.Cryptography;

namespace WifiBilling.Simulators.Daraja;

/// <summary>Issued OAuth tokens. A new token voids the older ones when configured so (Daraja's real behaviour).</summary>
public sealed class SimulatedTokenStore(TimeProvider timeProvider)
{
    private const string TokenAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);

    public string Issue(TimeSpan lifetime, bool invalidatePrevious)
    {
        var token = RandomNumberGenerator.GetString(TokenAlphabet, 28);
        lock (_lock)
        {
            if (invalidatePrevious)
            {
                _expiries.Clear();
            }

            _expiries[token] = timeProvider.GetUtcNow() + lifetime;
        }

        return token;
    }

    public bool IsValid(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return false;
        }

        lock (_lock)
        {
            return _expiries.TryGetValue(token, out var expiresAt) && timeProvider.GetUtcNow() < expiresAt;
        }
    }

    /// <summary>Voids every token (the "expired token" fault).</summary>
    public void InvalidateAll()
    {
        lock (_lock)
        {
            _expiries.Clear();
        }
    }
}
