namespace WifiBilling.Radius.Vendors;

/// <summary>MikroTik vendor attribute numbers (Vendor-Id 14988; shared/reference/mikrotik.md §2.2).</summary>
public static class MikrotikAttributeType
{
    public const byte RecvLimit = 1;
    public const byte XmitLimit = 2;
    public const byte Group = 3;
    public const byte WirelessForward = 4;
    public const byte WirelessSkipDot1x = 5;
    public const byte WirelessEncAlgo = 6;
    public const byte WirelessEncKey = 7;
    public const byte RateLimit = 8;
    public const byte Realm = 9;
    public const byte HostIp = 10;
    public const byte MarkId = 11;
    public const byte AdvertiseUrl = 12;
    public const byte AdvertiseInterval = 13;
    public const byte RecvLimitGigawords = 14;
    public const byte XmitLimitGigawords = 15;
    public const byte WirelessPsk = 16;
    public const byte TotalLimit = 17;
    public const byte TotalLimitGigawords = 18;
    public const byte AddressList = 19;
    public const byte WirelessMpKey = 20;
    public const byte WirelessComment = 21;
    public const byte DelegatedIpv6Pool = 22;
    public const byte DhcpOptionSet = 23;
    public const byte DhcpOptionParamStr1 = 24;
    public const byte DhcpOptionParamStr2 = 25;
    public const byte WirelessVlanId = 26;
    public const byte WirelessVlanIdType = 27;
    public const byte WirelessMinSignal = 28;
    public const byte WirelessMaxSignal = 29;
    public const byte SwitchingFilter = 30;
}
