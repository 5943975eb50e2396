using System.Buffers.Binary;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// The four 32-bit chaining words of MD5 (RFC 1321 §3.3) between blocks. After an HMAC pad block it is as secret as
/// the key itself, so it is deliberately not a record (no generated ToString printing it).
/// </summary>
internal readonly struct Md5State(uint a, uint b, uint c, uint d)
{
    public uint A { get; } = a;

    public uint B { get; } = b;

    public uint C { get; } = c;

    public uint D { get; } = d;

    public static Md5State Initial => new(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476);

    /// <summary>The digest: A, B, C, D, each low-order octet first (RFC 1321 §3.5).</summary>
    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, A);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], B);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], C);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], D);
    }
}
