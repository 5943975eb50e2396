using System.Net;
using System.Security.Cryptography;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// A RADIUS packet as an object: code, identifier, authenticator and the attributes in wire order (RFC 2865 §3).
/// Wire order matters: Proxy-State order must be kept (RFC 2865 §5.33) and BlastRADIUS advice puts the
/// Message-Authenticator first. Decode with <see cref="RadiusPacketCodec.Parse"/>, encode with
/// <see cref="RadiusPacketCodec.Write"/>; the authenticator of Accounting/CoA/Disconnect requests and of every
/// response is computed while writing.
/// </summary>
public sealed class RadiusPacket
{
    private readonly List<RadiusAttribute> _attributes;
    private readonly byte[] _authenticator = new byte[RadiusPacketCodec.AuthenticatorLength];

    /// <summary>
    /// Creates an empty packet. An Access-Request or Status-Server gets a random Request Authenticator
    /// (RFC 2865 §3: "unpredictable and unique"); other codes get theirs when written.
    /// </summary>
    public RadiusPacket(RadiusCode code, byte identifier)
        : this(code, identifier, ReadOnlySpan<byte>.Empty)
    {
    }

    public RadiusPacket(RadiusCode code, byte identifier, ReadOnlySpan<byte> authenticator)
        : this(code, identifier, authenticator, [])
    {
    }

    internal RadiusPacket(RadiusCode code, byte identifier, ReadOnlySpan<byte> authenticator, List<RadiusAttribute> attributes)
    {
        Code = code;
        Identifier = identifier;
        _attributes = attributes;
        if (authenticator.Length == RadiusPacketCodec.AuthenticatorLength)
        {
            authenticator.CopyTo(_authenticator);
        }
        else if (authenticator.IsEmpty)
        {
            if (code.HasRandomRequestAuthenticator())
            {
                RandomNumberGenerator.Fill(_authenticator);
            }
        }
        else
        {
            throw new ArgumentException("An authenticator has 16 octets.", nameof(authenticator));
        }
    }

    public RadiusCode Code { get; }

    public byte Identifier { get; set; }

    /// <summary>The 16-octet authenticator from the header (for a parsed packet: as received).</summary>
    public ReadOnlyMemory<byte> Authenticator => _authenticator;

    /// <summary>Attributes in wire order; each vendor sub-attribute is one entry.</summary>
    public IReadOnlyList<RadiusAttribute> Attributes => _attributes;

    public bool HasMessageAuthenticator => Contains(RadiusAttributeType.MessageAuthenticator);

    /// <summary>A reply to this request: same Identifier, no attributes (RFC 2865 §4: the Identifier must match).</summary>
    public RadiusPacket CreateResponse(RadiusCode code)
    {
        if (!code.IsResponse())
        {
            throw new ArgumentException($"{code} is not a response code.", nameof(code));
        }

        return new RadiusPacket(code, Identifier);
    }

    public RadiusPacket Add(RadiusAttribute attribute)
    {
        _attributes.Add(attribute);
        return this;
    }

    public RadiusPacket Insert(int index, RadiusAttribute attribute)
    {
        _attributes.Insert(index, attribute);
        return this;
    }

    public RadiusPacket AddString(byte type, string value) => Add(RadiusAttribute.FromString(type, value));

    public RadiusPacket AddUInt32(byte type, uint value) => Add(RadiusAttribute.FromUInt32(type, value));

    public RadiusPacket AddUInt64(byte type, ulong value) => Add(RadiusAttribute.FromUInt64(type, value));

    public RadiusPacket AddDate(byte type, DateTimeOffset value) => Add(RadiusAttribute.FromDate(type, value));

    public RadiusPacket AddIPAddress(byte type, IPAddress value) => Add(RadiusAttribute.FromIPAddress(type, value));

    public RadiusPacket AddOctets(byte type, ReadOnlySpan<byte> value) => Add(RadiusAttribute.FromOctets(type, value));

    public RadiusPacket AddVendorString(uint vendorId, byte vendorType, string value) =>
        Add(RadiusAttribute.VendorString(vendorId, vendorType, value));

    public RadiusPacket AddVendorUInt32(uint vendorId, byte vendorType, uint value) =>
        Add(RadiusAttribute.VendorUInt32(vendorId, vendorType, value));

    public RadiusPacket AddVendorIPAddress(uint vendorId, byte vendorType, IPAddress value) =>
        Add(RadiusAttribute.VendorIPAddress(vendorId, vendorType, value));

    public RadiusPacket AddVendorOctets(uint vendorId, byte vendorType, ReadOnlySpan<byte> value) =>
        Add(RadiusAttribute.VendorOctets(vendorId, vendorType, value));

    /// <summary>
    /// Adds a Message-Authenticator placeholder as the first attribute (BlastRADIUS advice, CVE-2024-3596);
    /// its value is computed by the codec when the packet is written. Does nothing if one is already present.
    /// </summary>
    public RadiusPacket AddMessageAuthenticator()
    {
        if (!HasMessageAuthenticator)
        {
            _attributes.Insert(0, new RadiusAttribute(RadiusAttributeType.MessageAuthenticator, new byte[RadiusPacketCodec.AuthenticatorLength]));
        }

        return this;
    }

    /// <summary>Removes every standard attribute of <paramref name="type"/>; returns how many were removed.</summary>
    public int RemoveAll(byte type) => _attributes.RemoveAll(a => a.Is(type));

    public bool Contains(byte type) => IndexOf(type) >= 0;

    public bool Contains(uint vendorId, byte vendorType) => IndexOf(vendorId, vendorType) >= 0;

    public bool TryGet(byte type, out RadiusAttribute attribute) => TryGetAt(IndexOf(type), out attribute);

    public bool TryGet(uint vendorId, byte vendorType, out RadiusAttribute attribute) =>
        TryGetAt(IndexOf(vendorId, vendorType), out attribute);

    /// <summary>Every attribute of <paramref name="type"/> in wire order (e.g. Proxy-State, Class, Framed-Route).</summary>
    public IEnumerable<RadiusAttribute> GetAll(byte type) => _attributes.Where(a => a.Is(type));

    public IEnumerable<RadiusAttribute> GetAll(uint vendorId, byte vendorType) => _attributes.Where(a => a.Is(vendorId, vendorType));

    public string? GetString(byte type) => TryGet(type, out var a) ? a.AsString() : null;

    public string? GetString(uint vendorId, byte vendorType) => TryGet(vendorId, vendorType, out var a) ? a.AsString() : null;

    public uint? GetUInt32(byte type) => TryGet(type, out var a) ? a.AsUInt32() : null;

    public uint? GetUInt32(uint vendorId, byte vendorType) => TryGet(vendorId, vendorType, out var a) ? a.AsUInt32() : null;

    public ulong? GetUInt64(byte type) => TryGet(type, out var a) ? a.AsUInt64() : null;

    public ulong? GetUInt64(uint vendorId, byte vendorType) => TryGet(vendorId, vendorType, out var a) ? a.AsUInt64() : null;

    public DateTimeOffset? GetDate(byte type) => TryGet(type, out var a) ? a.AsDate() : null;

    public DateTimeOffset? GetDate(uint vendorId, byte vendorType) => TryGet(vendorId, vendorType, out var a) ? a.AsDate() : null;

    public IPAddress? GetIPAddress(byte type) => TryGet(type, out var a) ? a.AsIPAddress() : null;

    public IPAddress? GetIPAddress(uint vendorId, byte vendorType) => TryGet(vendorId, vendorType, out var a) ? a.AsIPAddress() : null;

    public byte[]? GetOctets(byte type) => TryGet(type, out var a) ? a.AsOctets() : null;

    public byte[]? GetOctets(uint vendorId, byte vendorType) => TryGet(vendorId, vendorType, out var a) ? a.AsOctets() : null;

    public override string ToString() => $"{Code} Id={Identifier} ({_attributes.Count} attributes)";

    private int IndexOf(byte type)
    {
        for (var i = 0; i < _attributes.Count; i++)
        {
            if (_attributes[i].Is(type))
            {
                return i;
            }
        }

        return -1;
    }

    private int IndexOf(uint vendorId, byte vendorType)
    {
        for (var i = 0; i < _attributes.Count; i++)
        {
            if (_attributes[i].Is(vendorId, vendorType))
            {
                return i;
            }
        }

        return -1;
    }

    private bool TryGetAt(int index, out RadiusAttribute attribute)
    {
        attribute = index >= 0 ? _attributes[index] : default;
        return index >= 0;
    }
}
