using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Vendors;

/// <summary>WISPr (Wi-Fi Alliance) attributes; a MikroTik hotspot honours the redirection URL after login.</summary>
public static class Wispr
{
    public const uint VendorId = 14122;

    public static RadiusAttribute RedirectionUrl(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return RadiusAttribute.VendorString(VendorId, WisprAttributeType.RedirectionUrl, url.AbsoluteUri);
    }
}
