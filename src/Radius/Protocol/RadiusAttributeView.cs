namespace WifiBilling.Radius.Protocol;

/// <summary>One attribute (or one vendor sub-attribute) of a <see cref="RadiusPacketView"/>, pointing into the datagram.</summary>
public readonly ref struct RadiusAttributeView
{
    internal RadiusAttributeView(byte type, uint vendorId, byte vendorType, ReadOnlySpan<byte> value)
    {
        Type = type;
        VendorId = vendorId;
        VendorType = vendorType;
        Value = value;
    }

    public byte Type { get; }

    public uint VendorId { get; }

    public byte VendorType { get; }

    public ReadOnlySpan<byte> Value { get; }

    public bool IsVendorSpecific => Type == RadiusAttributeType.VendorSpecific;

    public bool Is(byte type) => Type == type && !IsVendorSpecific;

    public bool Is(uint vendorId, byte vendorType) => IsVendorSpecific && VendorId == vendorId && VendorType == vendorType;
}
