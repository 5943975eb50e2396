using System.Buffers.Binary;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// Writes a packet straight into a caller's buffer without allocating: header, attributes in call order, then
/// <see cref="Complete"/> fills in Length, the Message-Authenticator and the Request/Response Authenticator
/// (the order RFC 3579 §3.2 and RFC 5176 §3.3 prescribe). Vendor attributes are written one per attribute 26.
/// </summary>
public ref struct RadiusPacketWriter
{
    private readonly Span<byte> _buffer;
    private readonly int _limit;
    private readonly RadiusCode _code;
    private int _position;
    private int _messageAuthenticatorOffset;

    /// <param name="destination">At least 20 octets; packets never exceed 4096 octets.</param>
    /// <param name="code">The packet code.</param>
    /// <param name="identifier">The Identifier.</param>
    /// <param name="authenticator">
    /// For an Access-Request or Status-Server: its 16 random octets. For a response: the request's authenticator.
    /// For Accounting/CoA/Disconnect requests: empty (computed by <see cref="Complete"/>).
    /// </param>
    public RadiusPacketWriter(Span<byte> destination, RadiusCode code, byte identifier, scoped ReadOnlySpan<byte> authenticator)
    {
        if (destination.Length < RadiusPacketCodec.HeaderLength)
        {
            throw new ArgumentException("The destination is shorter than a RADIUS header.", nameof(destination));
        }

        if (code.HasKeyedRequestAuthenticator())
        {
            if (!authenticator.IsEmpty)
            {
                throw new ArgumentException($"The authenticator of a {code} is computed; pass none.", nameof(authenticator));
            }
        }
        else if (!code.IsRequest() && !code.IsResponse())
        {
            throw new ArgumentException($"Packet code {(byte)code} is not supported.", nameof(code));
        }
        else if (authenticator.Length != RadiusAuthenticator.Length)
        {
            throw new ArgumentException($"A {code} needs a 16-octet authenticator.", nameof(authenticator));
        }

        _buffer = destination;
        _limit = Math.Min(destination.Length, RadiusPacketCodec.MaxPacketLength);
        _code = code;
        _position = RadiusPacketCodec.HeaderLength;
        _messageAuthenticatorOffset = -1;
        destination[0] = (byte)code;
        destination[1] = identifier;
        var header = destination.Slice(4, RadiusAuthenticator.Length);
        if (authenticator.IsEmpty)
        {
            header.Clear();
        }
        else
        {
            authenticator.CopyTo(header);
        }
    }

    /// <summary>Octets written so far.</summary>
    public readonly int Length => _position;

    public void WriteAttribute(byte type, scoped ReadOnlySpan<byte> value)
    {
        if (type == RadiusAttributeType.VendorSpecific)
        {
            throw new ArgumentException("Use WriteVendorAttribute for attribute 26.", nameof(type));
        }

        if (type == RadiusAttributeType.MessageAuthenticator)
        {
            WriteMessageAuthenticator();
            return;
        }

        CheckValueLength(value.Length, RadiusValue.MaxValueLength);
        Reserve(2 + value.Length);
        _buffer[_position] = type;
        _buffer[_position + 1] = (byte)(2 + value.Length);
        value.CopyTo(_buffer[(_position + 2)..]);
        _position += 2 + value.Length;
    }

    public void WriteUInt32(byte type, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        WriteAttribute(type, bytes);
    }

    /// <summary>Writes text as UTF-8 directly into the packet.</summary>
    public void WriteString(byte type, scoped ReadOnlySpan<char> value)
    {
        if (type is RadiusAttributeType.VendorSpecific or RadiusAttributeType.MessageAuthenticator)
        {
            throw new ArgumentException("Attribute 26 and 80 are not text.", nameof(type));
        }

        var room = Math.Min(RadiusValue.MaxValueLength, _limit - _position - 2);
        Reserve(2);
        var written = RadiusValue.WriteString(value, _buffer.Slice(_position + 2, Math.Max(0, room)));
        _buffer[_position] = type;
        _buffer[_position + 1] = (byte)(2 + written);
        _position += 2 + written;
    }

    public void WriteVendorAttribute(uint vendorId, byte vendorType, scoped ReadOnlySpan<byte> value)
    {
        CheckValueLength(value.Length, RadiusValue.MaxVendorValueLength);
        Reserve(8 + value.Length);
        WriteVendorHeader(vendorId, vendorType, value.Length);
        value.CopyTo(_buffer[(_position + 8)..]);
        _position += 8 + value.Length;
    }

    public void WriteVendorUInt32(uint vendorId, byte vendorType, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        WriteVendorAttribute(vendorId, vendorType, bytes);
    }

    public void WriteVendorString(uint vendorId, byte vendorType, scoped ReadOnlySpan<char> value)
    {
        var room = Math.Min(RadiusValue.MaxVendorValueLength, _limit - _position - 8);
        Reserve(8);
        var written = RadiusValue.WriteString(value, _buffer.Slice(_position + 8, Math.Max(0, room)));
        WriteVendorHeader(vendorId, vendorType, written);
        _position += 8 + written;
    }

    /// <summary>Reserves the Message-Authenticator (RFC 3579 §3.2); its value is filled in by <see cref="Complete"/>.</summary>
    public void WriteMessageAuthenticator()
    {
        if (_messageAuthenticatorOffset >= 0)
        {
            throw new InvalidOperationException("A packet carries at most one Message-Authenticator.");
        }

        Reserve(2 + RadiusAuthenticator.Length);
        _buffer[_position] = RadiusAttributeType.MessageAuthenticator;
        _buffer[_position + 1] = 2 + RadiusAuthenticator.Length;
        _buffer.Slice(_position + 2, RadiusAuthenticator.Length).Clear();
        _messageAuthenticatorOffset = _position + 2;
        _position += 2 + RadiusAuthenticator.Length;
    }

    /// <summary>Sets Length, then the Message-Authenticator, then the computed authenticator; returns the packet length.</summary>
    public readonly int Complete(ReadOnlySpan<byte> secret)
    {
        var length = _position;
        BinaryPrimitives.WriteUInt16BigEndian(_buffer[2..], (ushort)length);
        var packet = _buffer[..length];
        if (_messageAuthenticatorOffset >= 0)
        {
            // The header already holds what RFC 3579/5176 hash: own random, zeros, or the request's authenticator;
            // the Message-Authenticator value is still 16 zero octets.
            Span<byte> mac = stackalloc byte[RadiusAuthenticator.Length];
            Md5.HmacPacket(secret, packet, packet.Slice(4, RadiusAuthenticator.Length), -1, mac);
            mac.CopyTo(packet[_messageAuthenticatorOffset..]);
        }

        if (_code.HasKeyedRequestAuthenticator() || _code.IsResponse())
        {
            Span<byte> authenticator = stackalloc byte[RadiusAuthenticator.Length];
            RadiusAuthenticator.HashWithSecret(packet, secret, authenticator);
            authenticator.CopyTo(packet[4..]);
        }

        return length;
    }

    private readonly void Reserve(int octets)
    {
        if (_position + octets > _limit)
        {
            throw new InvalidOperationException(
                $"The packet would exceed {_limit} octets (RFC 2865 §3 caps packets at {RadiusPacketCodec.MaxPacketLength}).");
        }
    }

    private static void CheckValueLength(int length, int max)
    {
        if (length > max)
        {
            throw new ArgumentException($"An attribute value holds at most {max} octets; got {length}.");
        }
    }

    private readonly void WriteVendorHeader(uint vendorId, byte vendorType, int valueLength)
    {
        _buffer[_position] = RadiusAttributeType.VendorSpecific;
        _buffer[_position + 1] = (byte)(8 + valueLength);
        BinaryPrimitives.WriteUInt32BigEndian(_buffer[(_position + 2)..], vendorId);
        _buffer[_position + 6] = vendorType;
        _buffer[_position + 7] = (byte)(2 + valueLength);
    }
}
