namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>
/// RADIUS counts bytes in 32-bit Acct-Input/Output-Octets plus Acct-Input/Output-Gigawords, the number of times
/// the octet counter wrapped at 2^32 (RFC 2869 §5.1–5.2). MikroTik's Mikrotik-Total-Limit(-Gigawords) uses the same
/// split for limits.
/// </summary>
public static class OctetCounter
{
    /// <summary>
    /// gigawords × 2^32 + octets, as one 64-bit count. Beyond 2^63 − 1 bytes (gigawords ≥ 2^31, some 9 EB) it
    /// saturates instead of turning negative.
    /// </summary>
    public static long Combine(uint octets, uint gigawords) =>
        gigawords > int.MaxValue ? long.MaxValue : ((long)gigawords << 32) | octets;

    /// <summary>Splits a non-negative byte count into (octets, gigawords); counts beyond 2^64 cannot occur in a long.</summary>
    public static (uint Octets, uint Gigawords) Split(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        return ((uint)(bytes & 0xFFFF_FFFF), (uint)(bytes >> 32));
    }
}
