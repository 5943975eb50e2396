using System.Buffers.Binary;

namespace WifiBilling.Radius.Protocol;

/// <summary>
/// Walks the attributes of an already validated packet without allocating. Every sub-attribute of an
/// attribute 26 is yielded on its own (RFC 2865 §5.26 allows several in one attribute 26).
/// </summary>
public ref struct RadiusAttributeEnumerator
{
    private readonly ReadOnlySpan<byte> _packet;
    private int _next;
    private int _vendorNext;
    private int _vendorEnd;
    private uint _vendorId;

    internal RadiusAttributeEnumerator(ReadOnlySpan<byte> packet)
    {
        _packet = packet;
        _next = RadiusPacketCodec.HeaderLength;
        Current = default;
    }

    public RadiusAttributeView Current { get; private set; }

    public readonly RadiusAttributeEnumerator GetEnumerator() => this;

    public bool MoveNext()
    {
        if (_vendorNext < _vendorEnd)
        {
            YieldVendorSubAttribute();
            return true;
        }

        if (_next >= _packet.Length)
        {
            return false;
        }

        var type = _packet[_next];
        int length = _packet[_next + 1];
        var start = _next;
        _next += length;
        if (type != RadiusAttributeType.VendorSpecific)
        {
            Current = new RadiusAttributeView(type, 0, 0, _packet.Slice(start + 2, length - 2));
            return true;
        }

        _vendorId = BinaryPrimitives.ReadUInt32BigEndian(_packet[(start + 2)..]);
        _vendorNext = start + 6;
        _vendorEnd = _next;
        YieldVendorSubAttribute();
        return true;
    }

    private void YieldVendorSubAttribute()
    {
        var vendorType = _packet[_vendorNext];
        int length = _packet[_vendorNext + 1];
        Current = new RadiusAttributeView(RadiusAttributeType.VendorSpecific, _vendorId, vendorType, _packet.Slice(_vendorNext + 2, length - 2));
        _vendorNext += length;
    }
}
