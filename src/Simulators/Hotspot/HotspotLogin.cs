using System.Net;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// One client logging in: the method, the user name and password typed on the login page (for a voucher, both are the
/// code), the device's MAC, and optionally its IP (otherwise one from the hotspot pool, the same for the same MAC).
/// </summary>
public sealed record HotspotLogin(HotspotLoginMethod Method, string UserName, string Password, string Mac, IPAddress? ClientAddress = null)
{
    public static HotspotLogin Chap(string voucherCode, string mac) => new(HotspotLoginMethod.Chap, voucherCode, voucherCode, mac);

    public static HotspotLogin Pap(string voucherCode, string mac) => new(HotspotLoginMethod.Pap, voucherCode, voucherCode, mac);

    /// <summary>RouterOS tries this by itself when a device it has not seen appears (<c>login-by=mac</c>).</summary>
    public static HotspotLogin MacLogin(string mac) => new(HotspotLoginMethod.Mac, mac, string.Empty, mac);
}
