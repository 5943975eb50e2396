namespace WifiBilling.Radius.Vendors;

/// <summary>WISPr vendor attribute numbers (Vendor-Id 14122) that MikroTik hotspots send or honour.</summary>
public static class WisprAttributeType
{
    public const byte LocationId = 1;
    public const byte LocationName = 2;
    public const byte LogoffUrl = 3;
    public const byte RedirectionUrl = 4;
    public const byte BandwidthMinUp = 5;
    public const byte BandwidthMinDown = 6;
    public const byte BandwidthMaxUp = 7;
    public const byte BandwidthMaxDown = 8;
    public const byte SessionTerminateTime = 9;
    public const byte SessionTerminateEndOfDay = 10;
    public const byte BillingClassOfService = 11;
}
