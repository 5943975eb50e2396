using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace WifiBilling.Radius.Server;

/// <summary>
/// Identity of a request for duplicate detection (RFC 5080 §2.2.2): source address and port, Identifier and Request
/// Authenticator. An unmanaged value: building and comparing keys allocates nothing.
/// </summary>
internal readonly record struct DuplicateRequestKey(UInt128 Address, int Port, byte Identifier, UInt128 Authenticator)
{
    public static DuplicateRequestKey Create(IPEndPoint source, byte identifier, ReadOnlySpan<byte> authenticator)
    {
        // IPv4 as its IPv4-mapped IPv6 form (::ffff:a.b.c.d), written in place: no IPAddress is allocated.
        Span<byte> address = stackalloc byte[16];
        address.Clear();
        if (source.Address.AddressFamily == AddressFamily.InterNetwork)
        {
            address[10] = 0xff;
            address[11] = 0xff;
            source.Address.TryWriteBytes(address[12..], out _);
        }
        else
        {
            source.Address.TryWriteBytes(address, out _);
        }

        return new DuplicateRequestKey(
            BinaryPrimitives.ReadUInt128BigEndian(address),
            source.Port,
            identifier,
            BinaryPrimitives.ReadUInt128BigEndian(authenticator));
    }
}
