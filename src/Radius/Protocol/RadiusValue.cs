using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// Encoding and decoding of the attribute data types (RFC 2865 §5, RFC 2869 §5.3 date, RFC 3162 ipv6addr/ipv6prefix,
/// RFC 6929 integer64). Decoders throw <see cref="MalformedPacketException"/> when a value has the wrong length.
/// </summary>
public static class RadiusValue
{
    /// <summary>Longest value of a standard attribute (Length is one octet and includes the 2-octet header).</summary>
    public const int MaxValueLength = 253;

    /// <summary>Longest value of a vendor sub-attribute: 253 minus the 4-octet Vendor-Id and the 2-octet sub-header.</summary>
    public const int MaxVendorValueLength = 247;

    /// <summary>"string"/"text": UTF-8 (RFC 2865 §5); invalid sequences become U+FFFD rather than failing the packet.</summary>
    public static string ReadString(ReadOnlySpan<byte> value) => Encoding.UTF8.GetString(value);

    public static uint ReadUInt32(ReadOnlySpan<byte> value)
    {
        RequireLength(value, 4, "integer");
        return BinaryPrimitives.ReadUInt32BigEndian(value);
    }

    public static ulong ReadUInt64(ReadOnlySpan<byte> value)
    {
        RequireLength(value, 8, "integer64");
        return BinaryPrimitives.ReadUInt64BigEndian(value);
    }

    /// <summary>"date": seconds since 1970-01-01 UTC as an unsigned 32-bit number (RFC 2865 §5, Event-Timestamp RFC 2869 §5.3).</summary>
    public static DateTimeOffset ReadDate(ReadOnlySpan<byte> value) =>
        DateTimeOffset.FromUnixTimeSeconds(ReadUInt32(value));

    /// <summary>"ipaddr" (4 octets) or "ipv6addr" (16 octets).</summary>
    public static IPAddress ReadIPAddress(ReadOnlySpan<byte> value)
    {
        if (value.Length != 4 && value.Length != 16)
        {
            throw new MalformedPacketException($"An address value has {value.Length} octets; expected 4 or 16.");
        }

        return new IPAddress(value);
    }

    /// <summary>"ipv6prefix" (RFC 3162 §2.3): reserved octet, prefix length (0-128), then the significant prefix octets.</summary>
    public static (IPAddress Prefix, int Length) ReadIPv6Prefix(ReadOnlySpan<byte> value)
    {
        if (value.Length < 2 || value.Length > 18)
        {
            throw new MalformedPacketException($"An ipv6prefix value has {value.Length} octets; expected 2 to 18.");
        }

        int length = value[1];
        if (length > 128 || value.Length - 2 < (length + 7) / 8)
        {
            throw new MalformedPacketException($"An ipv6prefix value announces /{length} but carries {value.Length - 2} prefix octets.");
        }

        Span<byte> address = stackalloc byte[16];
        value[2..].CopyTo(address);
        return (new IPAddress(address), length);
    }

    /// <summary>Writes UTF-8 text; returns the number of octets written.</summary>
    public static int WriteString(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (!Encoding.UTF8.TryGetBytes(text, destination, out var written))
        {
            throw new ArgumentException("The text does not fit in one attribute value.", nameof(text));
        }

        return written;
    }

    public static byte[] EncodeString(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] EncodeUInt32(uint value)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] EncodeUInt64(ulong value)
    {
        var bytes = new byte[8];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, value);
        return bytes;
    }

    public static byte[] EncodeDate(DateTimeOffset value)
    {
        var seconds = value.ToUnixTimeSeconds();
        if (seconds < 0 || seconds > uint.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A RADIUS date covers 1970-01-01 to 2106-02-07 UTC.");
        }

        return EncodeUInt32((uint)seconds);
    }

    public static byte[] EncodeIPAddress(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.GetAddressBytes();
    }

    /// <summary>Encodes an "ipv6prefix" with only the significant octets, as RFC 3162 §2.3 allows.</summary>
    public static byte[] EncodeIPv6Prefix(IPAddress prefix, int length)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException("An ipv6prefix needs an IPv6 address.", nameof(prefix));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, 128);
        var octets = (length + 7) / 8;
        var bytes = new byte[2 + octets];
        bytes[1] = (byte)length;
        prefix.GetAddressBytes().AsSpan(0, octets).CopyTo(bytes.AsSpan(2));
        return bytes;
    }

    private static void RequireLength(ReadOnlySpan<byte> value, int expected, string type)
    {
        if (value.Length != expected)
        {
            throw new MalformedPacketException($"An {type} value has {value.Length} octets; expected {expected}.");
        }
    }
}
