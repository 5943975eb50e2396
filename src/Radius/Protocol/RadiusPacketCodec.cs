using System.Buffers.Binary;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// Decodes and encodes RADIUS datagrams (RFC 2865 §3–5, RFC 2866). Decoding validates strictly and throws only
/// <see cref="RadiusPacketException"/> subtypes for bad input:
/// at least 20 octets; Length field within 20..4096 and not beyond the datagram (octets past it are padding);
/// every attribute at least 2 octets long and inside the packet; an attribute 26 value of at least 6 octets whose
/// vendor sub-attributes exactly fill it; at most one Message-Authenticator, 18 octets long.
/// </summary>
public static class RadiusPacketCodec
{
    public const int HeaderLength = 20;
    public const int MaxPacketLength = 4096;
    public const int AuthenticatorLength = RadiusAuthenticator.Length;

    /// <summary>Validates the structure only (no secret needed) and returns a view over the datagram.</summary>
    public static RadiusPacketView Read(ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < HeaderLength)
        {
            throw new MalformedPacketException($"A RADIUS packet has at least {HeaderLength} octets; got {datagram.Length}.");
        }

        int length = BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]);
        if (length < HeaderLength || length > MaxPacketLength)
        {
            throw new MalformedPacketException($"The Length field is {length}; it must be {HeaderLength} to {MaxPacketLength}.");
        }

        if (length > datagram.Length)
        {
            throw new MalformedPacketException($"The Length field is {length} but only {datagram.Length} octets arrived.");
        }

        var packet = datagram[..length];
        var messageAuthenticatorOffset = -1;
        var offset = HeaderLength;
        while (offset < length)
        {
            if (length - offset < 2)
            {
                throw new MalformedPacketException($"The attribute at offset {offset} has no room for its header.");
            }

            var type = packet[offset];
            int attributeLength = packet[offset + 1];
            if (attributeLength < 2 || offset + attributeLength > length)
            {
                throw new MalformedPacketException($"The attribute {type} at offset {offset} has the invalid length {attributeLength}.");
            }

            if (type == RadiusAttributeType.VendorSpecific)
            {
                ValidateVendorSpecific(packet.Slice(offset + 2, attributeLength - 2), offset);
            }
            else if (type == RadiusAttributeType.MessageAuthenticator)
            {
                if (attributeLength != 2 + AuthenticatorLength)
                {
                    throw new MalformedPacketException($"A Message-Authenticator is 18 octets long; got {attributeLength}.");
                }

                if (messageAuthenticatorOffset >= 0)
                {
                    throw new MalformedPacketException("A packet carries at most one Message-Authenticator.");
                }

                messageAuthenticatorOffset = offset + 2;
            }

            offset += attributeLength;
        }

        return new RadiusPacketView(packet, messageAuthenticatorOffset);
    }

    /// <summary>
    /// Validates structure and authenticators with <paramref name="secret"/> and returns a view over the datagram.
    /// </summary>
    /// <param name="datagram">The received octets.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="requestAuthenticator">For a response: the authenticator of the request it answers.</param>
    /// <param name="requireMessageAuthenticator">Reject a packet without Message-Authenticator (BlastRADIUS hardening).</param>
    public static RadiusPacketView Read(
        ReadOnlySpan<byte> datagram,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> requestAuthenticator = default,
        bool requireMessageAuthenticator = false)
    {
        var view = Read(datagram);
        Verify(view, secret, requestAuthenticator, requireMessageAuthenticator);
        return view;
    }

    /// <summary>Decodes, verifies and copies the datagram into a <see cref="RadiusPacket"/> (see <see cref="Read(ReadOnlySpan{byte}, ReadOnlySpan{byte}, ReadOnlySpan{byte}, bool)"/>).</summary>
    public static RadiusPacket Parse(
        ReadOnlySpan<byte> datagram,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> requestAuthenticator = default,
        bool requireMessageAuthenticator = false) =>
        Read(datagram, secret, requestAuthenticator, requireMessageAuthenticator).ToPacket();

    /// <summary>
    /// Checks the authenticators of a structurally valid packet and throws the matching
    /// <see cref="RadiusPacketException"/> subtype. See <see cref="TryVerify"/>.
    /// </summary>
    public static void Verify(
        RadiusPacketView packet,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> requestAuthenticator = default,
        bool requireMessageAuthenticator = false)
    {
        var code = packet.Code;
        switch (TryVerify(packet, secret, requestAuthenticator, requireMessageAuthenticator))
        {
            case RadiusVerificationResult.Valid:
                return;
            case RadiusVerificationResult.InvalidAuthenticator:
                throw new InvalidAuthenticatorException($"The authenticator of the {code} does not match (wrong shared secret?).");
            case RadiusVerificationResult.MissingMessageAuthenticator:
                throw new MissingMessageAuthenticatorException($"The {code} has no Message-Authenticator.");
            case RadiusVerificationResult.InvalidMessageAuthenticator:
                throw new InvalidMessageAuthenticatorException($"The Message-Authenticator of the {code} does not match.");
            default:
                throw new RadiusPacketException($"Packet code {(byte)code} is not supported.");
        }
    }

    /// <summary>
    /// Checks the authenticators without throwing (a server under a flood of forged packets should not pay for
    /// exceptions). Keyed requests: Request Authenticator; responses: Response Authenticator against
    /// <paramref name="requestAuthenticator"/>; a present Message-Authenticator is always checked (RFC 3579 §3.2);
    /// Status-Server must carry one (RFC 5997 §3), and so must every packet when
    /// <paramref name="requireMessageAuthenticator"/> is set.
    /// </summary>
    public static RadiusVerificationResult TryVerify(
        RadiusPacketView packet,
        ReadOnlySpan<byte> secret,
        ReadOnlySpan<byte> requestAuthenticator = default,
        bool requireMessageAuthenticator = false)
    {
        var code = packet.Code;
        if (code.HasKeyedRequestAuthenticator())
        {
            if (!RadiusAuthenticator.VerifyRequestAuthenticator(packet.Raw, secret))
            {
                return RadiusVerificationResult.InvalidAuthenticator;
            }
        }
        else if (code.IsResponse())
        {
            if (requestAuthenticator.Length != AuthenticatorLength)
            {
                throw new ArgumentException("Verifying a response needs the 16-octet Request Authenticator.", nameof(requestAuthenticator));
            }

            if (!RadiusAuthenticator.VerifyResponseAuthenticator(packet.Raw, requestAuthenticator, secret))
            {
                return RadiusVerificationResult.InvalidAuthenticator;
            }
        }
        else if (!code.HasRandomRequestAuthenticator())
        {
            return RadiusVerificationResult.UnsupportedCode;
        }

        if (!packet.HasMessageAuthenticator)
        {
            return requireMessageAuthenticator || code == RadiusCode.StatusServer
                ? RadiusVerificationResult.MissingMessageAuthenticator
                : RadiusVerificationResult.Valid;
        }

        var header = RadiusAuthenticator.MessageAuthenticatorHeader(code, packet.Authenticator, requestAuthenticator);
        return RadiusAuthenticator.VerifyMessageAuthenticator(packet.Raw, packet.MessageAuthenticatorOffset, header, secret)
            ? RadiusVerificationResult.Valid
            : RadiusVerificationResult.InvalidMessageAuthenticator;
    }

    /// <summary>Octets <paramref name="packet"/> takes when written (vendor attributes one per attribute 26).</summary>
    public static int GetEncodedLength(RadiusPacket packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var length = HeaderLength;
        foreach (var attribute in packet.Attributes)
        {
            length += attribute.EncodedLength;
        }

        return length;
    }

    /// <summary>
    /// Writes <paramref name="packet"/> into <paramref name="destination"/> and returns its length. The
    /// Message-Authenticator (if the packet has one) and the Request/Response Authenticator are computed here.
    /// </summary>
    /// <param name="packet">The packet.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="secret">The shared secret.</param>
    /// <param name="requestAuthenticator">For a response: the authenticator of the request it answers.</param>
    public static int Write(RadiusPacket packet, Span<byte> destination, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator = default)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var code = packet.Code;
        var header = code.HasKeyedRequestAuthenticator() ? default
            : code.IsResponse() ? requestAuthenticator
            : packet.Authenticator.Span;
        var writer = new RadiusPacketWriter(destination, code, packet.Identifier, header);
        foreach (var attribute in packet.Attributes)
        {
            if (attribute.IsVendorSpecific)
            {
                writer.WriteVendorAttribute(attribute.VendorId, attribute.VendorType, attribute.Value.Span);
            }
            else
            {
                writer.WriteAttribute(attribute.Type, attribute.Value.Span);
            }
        }

        return writer.Complete(secret);
    }

    /// <summary>Writes <paramref name="packet"/> into a new array of exactly its length.</summary>
    public static byte[] Encode(RadiusPacket packet, ReadOnlySpan<byte> secret, ReadOnlySpan<byte> requestAuthenticator = default)
    {
        var length = GetEncodedLength(packet);
        if (length > MaxPacketLength)
        {
            throw new InvalidOperationException($"The packet would be {length} octets; RFC 2865 §3 allows {MaxPacketLength}.");
        }

        var bytes = new byte[length];
        Write(packet, bytes, secret, requestAuthenticator);
        return bytes;
    }

    /// <summary>RFC 2865 §5.26: Vendor-Id (4 octets) then sub-attributes (type, length ≥ 2, value) that fill the value exactly.</summary>
    private static void ValidateVendorSpecific(ReadOnlySpan<byte> value, int offset)
    {
        if (value.Length < 6)
        {
            throw new MalformedPacketException($"The Vendor-Specific attribute at offset {offset} has {value.Length} value octets; at least 6 are needed.");
        }

        var sub = 4;
        while (sub < value.Length)
        {
            if (value.Length - sub < 2)
            {
                throw new MalformedPacketException($"A vendor sub-attribute header at offset {offset + 2 + sub} is cut short.");
            }

            int subLength = value[sub + 1];
            if (subLength < 2 || sub + subLength > value.Length)
            {
                throw new MalformedPacketException($"The vendor sub-attribute at offset {offset + 2 + sub} has the invalid length {subLength}.");
            }

            sub += subLength;
        }
    }
}
