using System.Security.Cryptography;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// MD5 and HMAC-MD5 over several spans without copying them together. One <see cref="IncrementalHash"/> per thread is
/// reused: the static one-shot APIs (<c>MD5.HashData</c>, <c>HMACMD5.HashData</c>) set up a new native context on every
/// call, which measured at about half of the per-request cost (docs/benchmarks.md). Nothing is allocated after a
/// thread's first call.
/// </summary>
internal static class Md5
{
    public const int HashLength = 16;

    private const int BlockLength = 64;

    [ThreadStatic]
    private static IncrementalHash? _hash;

    public static IncrementalHash Begin()
    {
        var hash = _hash ??= IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        return hash;
    }

    /// <summary>Appends a packet with its header authenticator replaced and, if <paramref name="zeroedOffset"/> ≥ 0, 16 octets zeroed there.</summary>
    public static void AppendPacket(IncrementalHash hash, ReadOnlySpan<byte> packet, ReadOnlySpan<byte> headerAuthenticator, int zeroedOffset)
    {
        hash.AppendData(packet[..4]);
        hash.AppendData(headerAuthenticator[..HashLength]);
        if (zeroedOffset < 0)
        {
            hash.AppendData(packet[20..]);
            return;
        }

        hash.AppendData(packet[20..zeroedOffset]);
        hash.AppendData(RadiusAuthenticator.Zero);
        hash.AppendData(packet[(zeroedOffset + HashLength)..]);
    }

    /// <summary>HMAC-MD5 (RFC 2104) keyed with <paramref name="key"/> over the packet as <see cref="AppendPacket"/> presents it.</summary>
    public static void HmacPacket(
        scoped ReadOnlySpan<byte> key, ReadOnlySpan<byte> packet, ReadOnlySpan<byte> headerAuthenticator, int zeroedOffset, Span<byte> destination)
    {
        var hash = Begin();
        Span<byte> pad = stackalloc byte[BlockLength];
        Span<byte> shortKey = stackalloc byte[HashLength];
        if (key.Length > BlockLength)
        {
            hash.AppendData(key);
            hash.GetHashAndReset(shortKey);
            key = shortKey;
        }

        Span<byte> inner = stackalloc byte[HashLength];
        FillPad(pad, key, 0x36);
        hash.AppendData(pad);
        AppendPacket(hash, packet, headerAuthenticator, zeroedOffset);
        hash.GetHashAndReset(inner);

        FillPad(pad, key, 0x5c);
        hash.AppendData(pad);
        hash.AppendData(inner);
        hash.GetHashAndReset(destination);
        CryptographicOperations.ZeroMemory(pad);
        CryptographicOperations.ZeroMemory(shortKey);
    }

    private static void FillPad(Span<byte> pad, ReadOnlySpan<byte> key, byte value)
    {
        pad.Fill(value);
        for (var i = 0; i < key.Length; i++)
        {
            pad[i] ^= key[i];
        }
    }
}
