using System.Buffers.Binary;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// A validated RADIUS packet read in place: header fields and attributes are slices of the datagram, so
/// decoding allocates nothing. Valid only while the datagram buffer is; call <see cref="ToPacket"/> to keep it.
/// Obtain one from <see cref="RadiusPacketCodec.Read(ReadOnlySpan{byte})"/>.
/// </summary>
public readonly ref struct RadiusPacketView
{
    internal RadiusPacketView(ReadOnlySpan<byte> packet, int messageAuthenticatorOffset)
    {
        Raw = packet;
        MessageAuthenticatorOffset = messageAuthenticatorOffset;
    }

    /// <summary>The packet octets, trimmed to its Length field (octets after it are padding, RFC 2865 §3).</summary>
    public ReadOnlySpan<byte> Raw { get; }

    public RadiusCode Code => (RadiusCode)Raw[0];

    public byte Identifier => Raw[1];

    public int Length => Raw.Length;

    public ReadOnlySpan<byte> Authenticator => Raw.Slice(4, RadiusPacketCodec.AuthenticatorLength);

    public bool HasMessageAuthenticator => MessageAuthenticatorOffset >= 0;

    /// <summary>Offset of the Message-Authenticator value (after its 2-octet header), or -1.</summary>
    internal int MessageAuthenticatorOffset { get; }

    public RadiusAttributeEnumerator Attributes => new(Raw);

    public bool TryGetValue(byte type, out ReadOnlySpan<byte> value)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Is(type))
            {
                value = attribute.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool TryGetVendorValue(uint vendorId, byte vendorType, out ReadOnlySpan<byte> value)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Is(vendorId, vendorType))
            {
                value = attribute.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    public bool TryGetUInt32(byte type, out uint value)
    {
        if (TryGetValue(type, out var raw) && raw.Length == 4)
        {
            value = BinaryPrimitives.ReadUInt32BigEndian(raw);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>Copies the packet into a <see cref="RadiusPacket"/> that owns its memory (one buffer for all values).</summary>
    public RadiusPacket ToPacket()
    {
        var copy = Raw.ToArray();
        var memory = copy.AsMemory();
        var attributes = new List<RadiusAttribute>(8);
        var offset = RadiusPacketCodec.HeaderLength;
        while (offset < copy.Length)
        {
            var type = copy[offset];
            int length = copy[offset + 1];
            if (type != RadiusAttributeType.VendorSpecific)
            {
                attributes.Add(new RadiusAttribute(type, memory.Slice(offset + 2, length - 2)));
            }
            else
            {
                var vendorId = BinaryPrimitives.ReadUInt32BigEndian(copy.AsSpan(offset + 2));
                var sub = offset + 6;
                while (sub < offset + length)
                {
                    int subLength = copy[sub + 1];
                    attributes.Add(new RadiusAttribute(vendorId, copy[sub], memory.Slice(sub + 2, subLength - 2)));
                    sub += subLength;
                }
            }

            offset += length;
        }

        return new RadiusPacket(Code, Identifier, Authenticator, attributes);
    }
}
