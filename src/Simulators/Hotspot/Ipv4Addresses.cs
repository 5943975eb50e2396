using System.Buffers.Binary;
using System.Net;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>IPv4 arithmetic for simulated routers: source addresses of virtual routers and addresses handed to devices.</summary>
internal static class Ipv4Addresses
{
    /// <summary>The address <paramref name="n"/> after <paramref name="address"/> (127.0.1.1 + 300 = 127.0.2.45).</summary>
    public static IPAddress Add(IPAddress address, int n)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork || !address.TryWriteBytes(bytes, out _))
        {
            throw new ArgumentException("An IPv4 address is needed.", nameof(address));
        }

        BinaryPrimitives.WriteUInt32BigEndian(bytes, BinaryPrimitives.ReadUInt32BigEndian(bytes) + (uint)n);
        return new IPAddress(bytes);
    }
}
