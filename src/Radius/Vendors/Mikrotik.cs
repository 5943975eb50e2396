using System.Globalization;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Vendors;

/// <summary>Builds the MikroTik reply attributes a hotspot honours (shared/reference/mikrotik.md §2.2–§2.3).</summary>
public static class Mikrotik
{
    public const uint VendorId = 14988;

    /// <summary>
    /// Mikrotik-Rate-Limit "rx/tx". RouterOS reads it from the router's side: rx is what the router receives from the
    /// customer (the customer's upload), tx what it sends (the customer's download). Rates are bits per second.
    /// </summary>
    public static RadiusAttribute RateLimit(long uploadBitsPerSecond, long downloadBitsPerSecond) =>
        RadiusAttribute.VendorString(VendorId, MikrotikAttributeType.RateLimit,
            FormatRate(uploadBitsPerSecond) + "/" + FormatRate(downloadBitsPerSecond));

    /// <summary>A rate in RouterOS notation: whole M (×1,000,000) or k (×1,000) when exact, else plain bits per second.</summary>
    public static string FormatRate(long bitsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bitsPerSecond);
        if (bitsPerSecond != 0 && bitsPerSecond % 1_000_000 == 0)
        {
            return (bitsPerSecond / 1_000_000).ToString(CultureInfo.InvariantCulture) + "M";
        }

        return bitsPerSecond != 0 && bitsPerSecond % 1_000 == 0
            ? (bitsPerSecond / 1_000).ToString(CultureInfo.InvariantCulture) + "k"
            : bitsPerSecond.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Total (upload + download) byte cap: Mikrotik-Total-Limit (low 32 bits) and -Gigawords (high 32 bits).</summary>
    public static RadiusAttribute[] TotalLimit(ulong bytes) =>
        SplitLimit(bytes, MikrotikAttributeType.TotalLimit, MikrotikAttributeType.TotalLimitGigawords);

    /// <summary>Upload cap (bytes the router may receive from the customer): Mikrotik-Recv-Limit and -Gigawords.</summary>
    public static RadiusAttribute[] RecvLimit(ulong bytes) =>
        SplitLimit(bytes, MikrotikAttributeType.RecvLimit, MikrotikAttributeType.RecvLimitGigawords);

    /// <summary>Download cap (bytes the router may send to the customer): Mikrotik-Xmit-Limit and -Gigawords.</summary>
    public static RadiusAttribute[] XmitLimit(ulong bytes) =>
        SplitLimit(bytes, MikrotikAttributeType.XmitLimit, MikrotikAttributeType.XmitLimitGigawords);

    public static RadiusAttribute AddressList(string name) =>
        RadiusAttribute.VendorString(VendorId, MikrotikAttributeType.AddressList, name);

    public static RadiusAttribute Group(string userProfile) =>
        RadiusAttribute.VendorString(VendorId, MikrotikAttributeType.Group, userProfile);

    private static RadiusAttribute[] SplitLimit(ulong bytes, byte lowType, byte gigawordsType) =>
    [
        RadiusAttribute.VendorUInt32(VendorId, lowType, (uint)(bytes & uint.MaxValue)),
        RadiusAttribute.VendorUInt32(VendorId, gigawordsType, (uint)(bytes >> 32)),
    ];
}
