using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// MD5 and HMAC-MD5 over several spans without copying them together, on a managed <see cref="Md5Hash"/> per thread:
/// RADIUS inputs are a few 64-octet blocks, where OpenSSL through <see cref="IncrementalHash"/> cost more in calls
/// and context set-up than in hashing (docs/benchmarks.md). HMAC starts from the MD5 states after the key's inner and
/// outer pad blocks, computed once per shared secret, which saves two of the five to seven blocks an HMAC of a
/// packet takes. Nothing is allocated after a thread's first call and a secret's first use.
/// </summary>
internal static class Md5
{
    public const int HashLength = 16;

    private const int BlockLength = 64;

    /// <summary>Secrets are per router; past this many the cache starts over rather than grow.</summary>
    private const int MaxCachedKeys = 4096;

    private static readonly ConcurrentDictionary<byte[], HmacKey> Keys = new(SecretComparer.Instance);
    private static readonly ConcurrentDictionary<byte[], HmacKey>.AlternateLookup<ReadOnlySpan<byte>> KeysBySpan =
        Keys.GetAlternateLookup<ReadOnlySpan<byte>>();

    [ThreadStatic]
    private static Md5Hash? _hash;

    [ThreadStatic]
    private static HmacKey? _lastKey;

    public static Md5Hash Begin()
    {
        var hash = _hash ??= new Md5Hash();
        return hash;
    }

    /// <summary>Appends a packet with its header authenticator replaced and, if <paramref name="zeroedOffset"/> ≥ 0, 16 octets zeroed there.</summary>
    public static void AppendPacket(Md5Hash hash, ReadOnlySpan<byte> packet, ReadOnlySpan<byte> headerAuthenticator, int zeroedOffset)
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
        var keys = KeyFor(key);
        var hash = Begin();
        Span<byte> inner = stackalloc byte[HashLength];
        hash.Restore(keys.Inner, BlockLength);
        AppendPacket(hash, packet, headerAuthenticator, zeroedOffset);
        hash.GetHashAndReset(inner);

        hash.Restore(keys.Outer, BlockLength);
        hash.AppendData(inner);
        hash.GetHashAndReset(destination);
        CryptographicOperations.ZeroMemory(inner);
    }

    /// <summary>The key's pad-block states: this thread's last key, else the shared cache, else computed now.</summary>
    private static HmacKey KeyFor(ReadOnlySpan<byte> key)
    {
        if (_lastKey is { } last && key.SequenceEqual(last.Secret))
        {
            return last;
        }

        if (!KeysBySpan.TryGetValue(key, out var keys))
        {
            if (Keys.Count >= MaxCachedKeys)
            {
                Keys.Clear();
            }

            keys = HmacKey.Create(key);
            KeysBySpan.TryAdd(key, keys);
        }

        _lastKey = keys;
        return keys;
    }

    /// <summary>MD5 states after (K ⊕ ipad) and (K ⊕ opad), K the key padded to a block (RFC 2104 §2).</summary>
    private sealed class HmacKey
    {
        private HmacKey(byte[] secret, Md5State inner, Md5State outer)
        {
            Secret = secret;
            Inner = inner;
            Outer = outer;
        }

        public byte[] Secret { get; }

        public Md5State Inner { get; }

        public Md5State Outer { get; }

        public static HmacKey Create(scoped ReadOnlySpan<byte> secret)
        {
            Span<byte> key = stackalloc byte[HashLength];
            scoped ReadOnlySpan<byte> shortKey = secret;
            if (secret.Length > BlockLength)
            {
                var hash = Begin();
                hash.AppendData(secret);
                hash.GetHashAndReset(key);
                shortKey = key;
            }

            Span<byte> pad = stackalloc byte[BlockLength];
            FillPad(pad, shortKey, 0x36);
            var inner = Md5Hash.AfterOneBlock(pad);
            FillPad(pad, shortKey, 0x5c);
            var outer = Md5Hash.AfterOneBlock(pad);
            CryptographicOperations.ZeroMemory(pad);
            CryptographicOperations.ZeroMemory(key);
            return new HmacKey(secret.ToArray(), inner, outer);
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

    /// <summary>Compares secrets by content, and lets a span be looked up without copying it to an array.</summary>
    private sealed class SecretComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
    {
        public static readonly SecretComparer Instance = new();

        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => Hash(obj);

        public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

        public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();

        private static int Hash(ReadOnlySpan<byte> secret)
        {
            var hash = default(HashCode);
            hash.AddBytes(secret);
            return hash.ToHashCode();
        }
    }
}
