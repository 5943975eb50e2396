using System.Net;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// One attribute of a <see cref="RadiusPacket"/>: a standard attribute (<see cref="VendorId"/> = 0) or one
/// vendor sub-attribute of an attribute 26 (RFC 2865 §5.26). The value is the raw octets; typed accessors decode it.
/// </summary>
public readonly struct RadiusAttribute : IEquatable<RadiusAttribute>
{
    public RadiusAttribute(byte type, ReadOnlyMemory<byte> value)
    {
        if (type == RadiusAttributeType.VendorSpecific)
        {
            throw new ArgumentException("Use the vendor constructor for attribute 26.", nameof(type));
        }

        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, RadiusValue.MaxValueLength, nameof(value));
        Type = type;
        Value = value;
    }

    public RadiusAttribute(uint vendorId, byte vendorType, ReadOnlyMemory<byte> value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value.Length, RadiusValue.MaxVendorValueLength, nameof(value));
        Type = RadiusAttributeType.VendorSpecific;
        VendorId = vendorId;
        VendorType = vendorType;
        Value = value;
    }

    /// <summary>The attribute type; 26 (Vendor-Specific) for vendor attributes.</summary>
    public byte Type { get; }

    /// <summary>The SMI Private Enterprise Code of the vendor, or 0 for a standard attribute.</summary>
    public uint VendorId { get; }

    /// <summary>The vendor's own attribute number (0 for a standard attribute).</summary>
    public byte VendorType { get; }

    public ReadOnlyMemory<byte> Value { get; }

    public bool IsVendorSpecific => Type == RadiusAttributeType.VendorSpecific;

    /// <summary>Octets this attribute takes on the wire (one attribute 26 per vendor sub-attribute when encoded).</summary>
    public int EncodedLength => IsVendorSpecific ? 8 + Value.Length : 2 + Value.Length;

    public static RadiusAttribute FromOctets(byte type, ReadOnlySpan<byte> value) => new(type, value.ToArray());

    public static RadiusAttribute FromString(byte type, string value) => new(type, RadiusValue.EncodeString(value));

    public static RadiusAttribute FromUInt32(byte type, uint value) => new(type, RadiusValue.EncodeUInt32(value));

    public static RadiusAttribute FromUInt64(byte type, ulong value) => new(type, RadiusValue.EncodeUInt64(value));

    public static RadiusAttribute FromDate(byte type, DateTimeOffset value) => new(type, RadiusValue.EncodeDate(value));

    public static RadiusAttribute FromIPAddress(byte type, IPAddress value) => new(type, RadiusValue.EncodeIPAddress(value));

    public static RadiusAttribute FromIPv6Prefix(byte type, IPAddress prefix, int length) =>
        new(type, RadiusValue.EncodeIPv6Prefix(prefix, length));

    public static RadiusAttribute VendorOctets(uint vendorId, byte vendorType, ReadOnlySpan<byte> value) =>
        new(vendorId, vendorType, value.ToArray());

    public static RadiusAttribute VendorString(uint vendorId, byte vendorType, string value) =>
        new(vendorId, vendorType, RadiusValue.EncodeString(value));

    public static RadiusAttribute VendorUInt32(uint vendorId, byte vendorType, uint value) =>
        new(vendorId, vendorType, RadiusValue.EncodeUInt32(value));

    public static RadiusAttribute VendorIPAddress(uint vendorId, byte vendorType, IPAddress value) =>
        new(vendorId, vendorType, RadiusValue.EncodeIPAddress(value));

    public bool Is(byte type) => Type == type && !IsVendorSpecific;

    public bool Is(uint vendorId, byte vendorType) => IsVendorSpecific && VendorId == vendorId && VendorType == vendorType;

    public string AsString() => RadiusValue.ReadString(Value.Span);

    public uint AsUInt32() => RadiusValue.ReadUInt32(Value.Span);

    public ulong AsUInt64() => RadiusValue.ReadUInt64(Value.Span);

    public DateTimeOffset AsDate() => RadiusValue.ReadDate(Value.Span);

    public IPAddress AsIPAddress() => RadiusValue.ReadIPAddress(Value.Span);

    public (IPAddress Prefix, int Length) AsIPv6Prefix() => RadiusValue.ReadIPv6Prefix(Value.Span);

    public byte[] AsOctets() => Value.ToArray();

    public bool Equals(RadiusAttribute other) =>
        Type == other.Type && VendorId == other.VendorId && VendorType == other.VendorType && Value.Span.SequenceEqual(other.Value.Span);

    public override bool Equals(object? obj) => obj is RadiusAttribute other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, VendorId, VendorType, Value.Length);

    public static bool operator ==(RadiusAttribute left, RadiusAttribute right) => left.Equals(right);

    public static bool operator !=(RadiusAttribute left, RadiusAttribute right) => !left.Equals(right);

    /// <summary>Type numbers and length only: values may be secrets (User-Password, CHAP-Password).</summary>
    public override string ToString() =>
        IsVendorSpecific ? $"26/{VendorId}/{VendorType} ({Value.Length} octets)" : $"{Type} ({Value.Length} octets)";
}
