namespace WifiBilling.Radius.Dictionary;

/// <summary>
/// One ATTRIBUTE line: a standard attribute (<see cref="VendorId"/> = 0, <see cref="Code"/> = type) or a vendor
/// attribute (<see cref="Code"/> = the vendor's sub-type).
/// </summary>
/// <param name="Name">Attribute name, e.g. "Mikrotik-Rate-Limit".</param>
/// <param name="Code">Type number (standard) or vendor type (vendor attribute).</param>
/// <param name="VendorId">0 for standard attributes.</param>
/// <param name="DataType">The data type.</param>
/// <param name="Encrypt">0 none, 1 User-Password (RFC 2865 §5.2), 2 Tunnel-Password, 3 Ascend secret.</param>
/// <param name="HasTag">Tagged attribute (RFC 2868).</param>
public sealed record DictionaryAttribute(string Name, byte Code, uint VendorId, RadiusDataType DataType, int Encrypt = 0, bool HasTag = false)
{
    public bool IsVendorSpecific => VendorId != 0;
}
