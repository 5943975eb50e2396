using System.Security.Cryptography;
using System.Text;
using WifiBilling.Radius.Tests.Support;

namespace WifiBilling.EndToEnd.Tests.HotspotLoop;

/// <summary>FreeRADIUS' radclient logs an admin-minted voucher in against the running Portal, by PAP and by CHAP.</summary>
public sealed class RadclientLoginTests : IAsyncLifetime
{
    private const string Challenge = "19a63ce2e283187f977609b470b01368";

    private HotspotLoop _loop = null!;

    public async Task InitializeAsync() => _loop = await HotspotLoop.StartAsync();

    public async Task DisposeAsync() => await _loop.DisposeAsync();

    private string Auth => $"127.0.0.1:{_loop.Portal.AuthEndPoint.Port}";

    [SkippableFact]
    public async Task PapLogin_IsAcceptedWithTheReplyAttributes()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");
        var code = await _loop.ActivateAsync(await _loop.CreatePlanAsync(TimeSpan.FromHours(1), "1M/4M"));

        var result = await Radclient.SendAsync(Auth, "auth", HotspotLoop.Secret,
            $"User-Name = \"{code}\"\nUser-Password = \"{code.ToLowerInvariant()}\"\nCalling-Station-Id = \"BC:24:11:EB:56:4D\"\n" +
            "NAS-Identifier = \"Cafe-Westlands\"\nService-Type = Login-User\nMessage-Authenticator = 0x00\n");

        result.ReceivedCode.Should().Be("Access-Accept", result.Output);
        result.Attributes.Should().Contain("Session-Timeout", "3600")
            .And.Contain("Acct-Interim-Interval", "300")
            .And.Contain("Mikrotik-Rate-Limit", "\"1M/4M\"")
            .And.ContainKey("Class")
            .And.ContainKey("Message-Authenticator");
    }

    [SkippableFact]
    public async Task ChapLoginWithChapChallenge_IsAccepted_AndAWrongCodeIsRejectedWithAMessage()
    {
        Skip.IfNot(Radclient.IsInstalled, "radclient (freeradius-utils) is not installed; ./test.sh installs it");
        var code = await _loop.ActivateAsync(await _loop.CreatePlanAsync(TimeSpan.FromHours(1)));

        // The CHAP response as the router computes it (RFC 1994 §4.1: MD5 of ident, secret and challenge). radclient
        // could compute it from a quoted CHAP-Password, but reads one starting with "0X" as hex, and a voucher code
        // starts so once in 1,024.
        var accepted = await Radclient.SendAsync(Auth, "auth", HotspotLoop.Secret,
            $"User-Name = \"{code}\"\nCHAP-Password = 0x{ChapPassword(0x2a, code, Challenge)}\nCHAP-Challenge = 0x{Challenge}\n" +
            "Calling-Station-Id = \"BC:24:11:EB:56:4D\"\nMessage-Authenticator = 0x00\n");
        var rejected = await Radclient.SendAsync(Auth, "auth", HotspotLoop.Secret,
            "User-Name = \"ZZZZZZZZZZ\"\nCHAP-Password = \"ZZZZZZZZZZ\"\nCHAP-Challenge = 0x19a63ce2e283187f977609b470b01368\nMessage-Authenticator = 0x00\n");

        accepted.ReceivedCode.Should().Be("Access-Accept", accepted.Output);
        accepted.Attributes.Should().Contain("Session-Timeout", "3600");
        rejected.ReceivedCode.Should().Be("Access-Reject", rejected.Output);
        rejected.Attributes.Should().Contain("Reply-Message", "\"Voucher code not recognised. Please check the code and try again.\"");
    }

    /// <summary>CHAP-Password's octets in hex: the ident, then MD5(ident ‖ password ‖ challenge).</summary>
    private static string ChapPassword(byte ident, string password, string challengeHex)
    {
        byte[] input = [ident, .. Encoding.ASCII.GetBytes(password), .. Convert.FromHexString(challengeHex)];
#pragma warning disable CA5351 // CHAP is MD5 by definition (RFC 1994); this builds a router's request.
        return Convert.ToHexStringLower([ident, .. MD5.HashData(input)]);
#pragma warning restore CA5351
    }
}
