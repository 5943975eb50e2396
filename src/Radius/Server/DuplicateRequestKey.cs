using System.Buffers.Binary;
using System.Net;

namespace WifiBilling.Radius.Server;

/// <summary>
/// Identity of a request for duplicate detection (RFC 5080 §2.2.2): source address and port, Identifier and Request
/// Authenticator. An unmanaged value: building and comparing keys allocates nothing.
/// </summary>
internal readonly record struct DuplicateRequestKey(UInt128 Address, int Port, byte Identifier, UInt128 Authenticator)
{
    public static DuplicateRequestKey Create(IPEndPoint source, byte identifier, ReadOnlySpan<byte> authenticator)
    {
        Span<byte> address = stackalloc byte[16];
        var ipv6 = source.Address.IsIPv4MappedToIPv6 || source.Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            ? source.Address
            : source.Address.MapToIPv6();
        ipv6.TryWriteBytes(address, out _);
        return new DuplicateRequestKey(
            BinaryPrimitives.ReadUInt128BigEndian(address),
            source.Port,
            identifier,
            BinaryPrimitives.ReadUInt128BigEndian(authenticator));
    }
}
