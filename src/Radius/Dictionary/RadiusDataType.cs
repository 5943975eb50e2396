namespace WifiBilling.Radius.Dictionary;

/// <summary>Attribute data types named in FreeRADIUS dictionaries.</summary>
public enum RadiusDataType
{
    String,
    Octets,
    Integer,
    IPAddress,
    Date,
    Integer64,
    IPv6Address,
    IPv6Prefix,
    InterfaceId,
    Byte,
    Short,
    Signed,
    Ether,
    ABinary,
    Vsa,
    Tlv,
    ComboIP,
    IPv4Prefix,
}
