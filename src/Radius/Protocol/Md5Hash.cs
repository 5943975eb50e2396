using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// MD5 (RFC 1321) in managed code, fed piecewise like <see cref="IncrementalHash"/>. RADIUS hashes short inputs — a
/// 250-octet packet is four 64-octet blocks — so the fixed cost of each call matters as much as the block function:
/// here an append is a copy into the block buffer, with no call into OpenSSL and no context set-up. Its state can be
/// captured after a whole block and restored, which lets HMAC-MD5 start from precomputed key blocks
/// (<see cref="Md5.HmacPacket"/>). Tested against the RFC 1321 vectors and the platform MD5. One instance per thread.
/// </summary>
internal sealed class Md5Hash
{
    private const int BlockLength = 64;

    private readonly byte[] _block = new byte[BlockLength];
    private Md5State _state = Md5State.Initial;
    private long _length;
    private int _buffered;

    public void AppendData(ReadOnlySpan<byte> data)
    {
        _length += data.Length;
        if (_buffered > 0)
        {
            var take = Math.Min(BlockLength - _buffered, data.Length);
            data[..take].CopyTo(_block.AsSpan(_buffered));
            _buffered += take;
            data = data[take..];
            if (_buffered < BlockLength)
            {
                return;
            }

            Transform(ref _state, _block);
            _buffered = 0;
        }

        while (data.Length >= BlockLength)
        {
            Transform(ref _state, data);
            data = data[BlockLength..];
        }

        data.CopyTo(_block);
        _buffered = data.Length;
    }

    /// <summary>Pads (RFC 1321 §3.1–3.2), writes the 16-octet digest and starts over.</summary>
    public void GetHashAndReset(Span<byte> destination)
    {
        var bitLength = (ulong)_length * 8;
        var block = _block.AsSpan();
        block[_buffered] = 0x80;
        block[(_buffered + 1)..].Clear();
        if (_buffered >= BlockLength - 8)
        {
            Transform(ref _state, block);
            block.Clear();
        }

        BinaryPrimitives.WriteUInt64LittleEndian(block[(BlockLength - 8)..], bitLength);
        Transform(ref _state, block);
        _state.WriteTo(destination);
        Reset();
    }

    public void Reset() => Restore(Md5State.Initial, 0);

    /// <summary>Continues from a captured state after <paramref name="length"/> octets (a multiple of 64).</summary>
    public void Restore(in Md5State state, long length)
    {
        _state = state;
        _length = length;
        _buffered = 0;
        CryptographicOperations.ZeroMemory(_block);
    }

    /// <summary>The state after one block from the start (HMAC's key XOR pad block).</summary>
    public static Md5State AfterOneBlock(ReadOnlySpan<byte> block)
    {
        var state = Md5State.Initial;
        Transform(ref state, block);
        return state;
    }

    private static void Transform(ref Md5State state, ReadOnlySpan<byte> block)
    {
        ref var start = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(block[..BlockLength]);
        var x0 = Word(ref start, 0);
        var x1 = Word(ref start, 1);
        var x2 = Word(ref start, 2);
        var x3 = Word(ref start, 3);
        var x4 = Word(ref start, 4);
        var x5 = Word(ref start, 5);
        var x6 = Word(ref start, 6);
        var x7 = Word(ref start, 7);
        var x8 = Word(ref start, 8);
        var x9 = Word(ref start, 9);
        var x10 = Word(ref start, 10);
        var x11 = Word(ref start, 11);
        var x12 = Word(ref start, 12);
        var x13 = Word(ref start, 13);
        var x14 = Word(ref start, 14);
        var x15 = Word(ref start, 15);
        uint a = state.A, b = state.B, c = state.C, d = state.D;

        // Round 1 (RFC 1321 §3.4): F(x, y, z) = (x AND y) OR (NOT x AND z).
        a = F(a, b, c, d, x0, 7, 0xd76aa478); d = F(d, a, b, c, x1, 12, 0xe8c7b756); c = F(c, d, a, b, x2, 17, 0x242070db); b = F(b, c, d, a, x3, 22, 0xc1bdceee);
        a = F(a, b, c, d, x4, 7, 0xf57c0faf); d = F(d, a, b, c, x5, 12, 0x4787c62a); c = F(c, d, a, b, x6, 17, 0xa8304613); b = F(b, c, d, a, x7, 22, 0xfd469501);
        a = F(a, b, c, d, x8, 7, 0x698098d8); d = F(d, a, b, c, x9, 12, 0x8b44f7af); c = F(c, d, a, b, x10, 17, 0xffff5bb1); b = F(b, c, d, a, x11, 22, 0x895cd7be);
        a = F(a, b, c, d, x12, 7, 0x6b901122); d = F(d, a, b, c, x13, 12, 0xfd987193); c = F(c, d, a, b, x14, 17, 0xa679438e); b = F(b, c, d, a, x15, 22, 0x49b40821);

        // Round 2: G(x, y, z) = (x AND z) OR (y AND NOT z).
        a = G(a, b, c, d, x1, 5, 0xf61e2562); d = G(d, a, b, c, x6, 9, 0xc040b340); c = G(c, d, a, b, x11, 14, 0x265e5a51); b = G(b, c, d, a, x0, 20, 0xe9b6c7aa);
        a = G(a, b, c, d, x5, 5, 0xd62f105d); d = G(d, a, b, c, x10, 9, 0x02441453); c = G(c, d, a, b, x15, 14, 0xd8a1e681); b = G(b, c, d, a, x4, 20, 0xe7d3fbc8);
        a = G(a, b, c, d, x9, 5, 0x21e1cde6); d = G(d, a, b, c, x14, 9, 0xc33707d6); c = G(c, d, a, b, x3, 14, 0xf4d50d87); b = G(b, c, d, a, x8, 20, 0x455a14ed);
        a = G(a, b, c, d, x13, 5, 0xa9e3e905); d = G(d, a, b, c, x2, 9, 0xfcefa3f8); c = G(c, d, a, b, x7, 14, 0x676f02d9); b = G(b, c, d, a, x12, 20, 0x8d2a4c8a);

        // Round 3: H(x, y, z) = x XOR y XOR z.
        a = H(a, b, c, d, x5, 4, 0xfffa3942); d = H(d, a, b, c, x8, 11, 0x8771f681); c = H(c, d, a, b, x11, 16, 0x6d9d6122); b = H(b, c, d, a, x14, 23, 0xfde5380c);
        a = H(a, b, c, d, x1, 4, 0xa4beea44); d = H(d, a, b, c, x4, 11, 0x4bdecfa9); c = H(c, d, a, b, x7, 16, 0xf6bb4b60); b = H(b, c, d, a, x10, 23, 0xbebfbc70);
        a = H(a, b, c, d, x13, 4, 0x289b7ec6); d = H(d, a, b, c, x0, 11, 0xeaa127fa); c = H(c, d, a, b, x3, 16, 0xd4ef3085); b = H(b, c, d, a, x6, 23, 0x04881d05);
        a = H(a, b, c, d, x9, 4, 0xd9d4d039); d = H(d, a, b, c, x12, 11, 0xe6db99e5); c = H(c, d, a, b, x15, 16, 0x1fa27cf8); b = H(b, c, d, a, x2, 23, 0xc4ac5665);

        // Round 4: I(x, y, z) = y XOR (x OR NOT z).
        a = I(a, b, c, d, x0, 6, 0xf4292244); d = I(d, a, b, c, x7, 10, 0x432aff97); c = I(c, d, a, b, x14, 15, 0xab9423a7); b = I(b, c, d, a, x5, 21, 0xfc93a039);
        a = I(a, b, c, d, x12, 6, 0x655b59c3); d = I(d, a, b, c, x3, 10, 0x8f0ccc92); c = I(c, d, a, b, x10, 15, 0xffeff47d); b = I(b, c, d, a, x1, 21, 0x85845dd1);
        a = I(a, b, c, d, x8, 6, 0x6fa87e4f); d = I(d, a, b, c, x15, 10, 0xfe2ce6e0); c = I(c, d, a, b, x6, 15, 0xa3014314); b = I(b, c, d, a, x13, 21, 0x4e0811a1);
        a = I(a, b, c, d, x4, 6, 0xf7537e82); d = I(d, a, b, c, x11, 10, 0xbd3af235); c = I(c, d, a, b, x2, 15, 0x2ad7d2bb); b = I(b, c, d, a, x9, 21, 0xeb86d391);

        state = new Md5State(state.A + a, state.B + b, state.C + c, state.D + d);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(ref byte start, int index)
    {
        var word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, index * 4));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint F(uint a, uint b, uint c, uint d, uint x, int s, uint t) => BitOperations.RotateLeft(a + (d ^ (b & (c ^ d))) + x + t, s) + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint G(uint a, uint b, uint c, uint d, uint x, int s, uint t) => BitOperations.RotateLeft(a + (c ^ (d & (b ^ c))) + x + t, s) + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint H(uint a, uint b, uint c, uint d, uint x, int s, uint t) => BitOperations.RotateLeft(a + (b ^ c ^ d) + x + t, s) + b;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint I(uint a, uint b, uint c, uint d, uint x, int s, uint t) => BitOperations.RotateLeft(a + (c ^ (b | ~d)) + x + t, s) + b;
}
