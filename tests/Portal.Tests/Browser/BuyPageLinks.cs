using System.Security.Cryptography;
using System.Text;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>Buy page addresses as mikrotik/hotspot/login.html builds them, and the CHAP answer RouterOS expects.</summary>
internal static class BuyPageLinks
{
    public const string Mac = "AA:BB:CC:DD:EE:01";
    public const string ClientIp = "10.5.50.23";

    /// <summary>The values RouterOS renders as "\371" and "\357\015\330…" (HS-CUSTOM example), here as login.html's hex.</summary>
    public static readonly byte[] ChapId = [0xF9];

    public static readonly byte[] ChapChallenge = [0xEF, 0x0D, 0xD8, 0x0B, 0x11, 0x9C, 0x65, 0xA5, 0xC3, 0xAB, 0x62, 0xA6, 0x5B, 0x7D, 0xFD, 0x22];

    public static string BuyPage(string baseUrl, string? identity, string? loginUrl, bool chap)
    {
        var query = new List<string> { "mac=" + Uri.EscapeDataString(Mac), "ip=" + ClientIp, "server-name=wifibilling" };
        if (identity is not null)
        {
            query.Add("identity=" + Uri.EscapeDataString(identity));
        }

        if (loginUrl is not null)
        {
            query.Add("link-login-only=" + Uri.EscapeDataString(loginUrl));
            query.Add("link-orig=" + Uri.EscapeDataString(StandInRouterLogin.OriginalUrl));
        }

        query.Add("error=");
        query.Add("chap-id=" + (chap ? Convert.ToHexStringLower(ChapId) : ""));
        query.Add("chap-challenge=" + (chap ? Convert.ToHexStringLower(ChapChallenge) : ""));
        return baseUrl + "/?" + string.Join('&', query);
    }

    /// <summary>http-chap: lower-case hex MD5(chap-id + password + chap-challenge) (RFC 1994 order).</summary>
    public static string ChapPassword(string code) =>
        Convert.ToHexStringLower(MD5.HashData([.. ChapId, .. Encoding.ASCII.GetBytes(code), .. ChapChallenge]));
}
