using System.Text;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;
using WifiBilling.Simulators.Hotspot;
using WifiBilling.Simulators.Tests.Hotspot.Support;

namespace WifiBilling.Simulators.Tests.Hotspot;

/// <summary>What the simulated router puts on the wire for each login method (mikrotik.md §1), and how it treats replies.</summary>
public sealed class AccessRequestTests : SimulatorRigTests
{
    [Fact]
    public async Task ChapLogin_SendsRouterOsAttributesInWireOrder_WithAChapPasswordOverTheChallenge()
    {
        var result = await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone.ToLowerInvariant()));

        result.Accepted.Should().BeTrue();
        var request = Rig.Server.Received.Single(r => r.Packet.Code == RadiusCode.AccessRequest).Packet;
        Types(request).Should().Equal(
            "61", "31", "30", "87", "1", "5", "44", "8", "26/14988/10", "60", "3", "6", "26/14122/3", "32", "4", "80");
        request.GetString(RadiusAttributeType.UserName).Should().Be(Code);
        request.GetString(RadiusAttributeType.CallingStationId).Should().Be(Phone, "upper case with colons");
        request.GetString(RadiusAttributeType.CalledStationId).Should().Be("hs-vlan888-hotspot");
        request.GetString(RadiusAttributeType.NasPortId).Should().Be("vlan888-hotspot");
        request.GetString(RadiusAttributeType.NasIdentifier).Should().Be("KhwanrichaiHome");
        request.GetUInt32(RadiusAttributeType.NasPortType).Should().Be(19u, "wireless-802.11 is the profile default");
        request.GetUInt32(RadiusAttributeType.ServiceType).Should().Be(1u, "Login-User");
        request.GetIPAddress(RadiusAttributeType.NasIpAddress)!.ToString().Should().Be("127.0.0.1");
        request.GetString(Wispr.VendorId, WisprAttributeType.LogoffUrl).Should().Be("http://10.5.50.1/logout");
        request.GetIPAddress(RadiusAttributeType.FramedIpAddress).Should().Be(request.GetIPAddress(Mikrotik.VendorId, MikrotikAttributeType.HostIp));
        request.GetOctets(RadiusAttributeType.ChapChallenge).Should().HaveCount(16);
        request.GetOctets(RadiusAttributeType.ChapPassword).Should().HaveCount(17);
        Chap.VerifyRequest(request, Encoding.UTF8.GetBytes(Code)).Should().BeTrue("CHAP-Password = id + MD5(id + password + CHAP-Challenge)");
        request.HasMessageAuthenticator.Should().BeTrue("RouterOS 7.15+ signs Access-Requests (the server verified it when parsing)");
    }

    [Fact]
    public async Task AcctSessionId_IsServiceBootAndCounter_AndNasPortIsItsHexValue()
    {
        await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone));
        await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, "BC:24:11:EB:56:4E"));

        var ids = Rig.Server.Received.Where(r => r.Packet.Code == RadiusCode.AccessRequest).Select(r => r.Packet).ToList();
        ids.Select(p => p.GetString(RadiusAttributeType.AcctSessionId)).Should().Equal("80100001", "80100002");
        ids.Select(p => p.GetUInt32(RadiusAttributeType.NasPort)).Should().Equal(0x80100001u, 0x80100002u);
    }

    [Fact]
    public async Task PapLogin_HidesTheCodeInUserPassword()
    {
        await Rig.Router.LoginAsync(HotspotLogin.Pap(Code, Phone));

        var request = Rig.Server.Received.Single(r => r.Packet.Code == RadiusCode.AccessRequest).Packet;
        request.Contains(RadiusAttributeType.ChapPassword).Should().BeFalse();
        var hidden = request.GetOctets(RadiusAttributeType.UserPassword)!;
        hidden.Should().HaveCount(16);
        RadiusPassword.Recover(hidden, Encoding.UTF8.GetBytes(ScriptedRadiusServer.Secret), request.Authenticator.Span).Should().Be(Code);
    }

    [Theory]
    [InlineData(RadiusMacFormat.ColonPairs, MacAuthMode.MacAsUsername, "BC:24:11:EB:56:4D", "")]
    [InlineData(RadiusMacFormat.Plain, MacAuthMode.MacAsUsername, "BC2411EB564D", "")]
    [InlineData(RadiusMacFormat.DashPairs, MacAuthMode.MacAsUsernameAndPassword, "BC-24-11-EB-56-4D", "BC-24-11-EB-56-4D")]
    [InlineData(RadiusMacFormat.ColonQuads, MacAuthMode.MacAsUsername, "BC24:11EB:564D", "")]
    [InlineData(RadiusMacFormat.DashHalves, MacAuthMode.MacAsUsernameAndPassword, "BC2411-EB564D", "BC2411-EB564D")]
    [InlineData(RadiusMacFormat.SpacePairs, MacAuthMode.MacAsUsername, "BC 24 11 EB 56 4D", "")]
    public async Task MacLogin_UserNameInTheProfileMacFormat_PasswordEmptyOrTheMac(RadiusMacFormat format, MacAuthMode mode, string userName, string password)
    {
        await using var rig = SimulatorRig.Create(o =>
        {
            o.MacFormat = format;
            o.MacAuthMode = mode;
        });

        await rig.Router.LoginAsync(HotspotLogin.MacLogin("bc:24:11:eb:56:4d"));

        var request = rig.Server.Received.Single(r => r.Packet.Code == RadiusCode.AccessRequest).Packet;
        request.GetString(RadiusAttributeType.UserName).Should().Be(userName);
        request.GetString(RadiusAttributeType.CallingStationId).Should().Be("BC:24:11:EB:56:4D");
        var hidden = request.GetOctets(RadiusAttributeType.UserPassword)!;
        RadiusPassword.Recover(hidden, Encoding.UTF8.GetBytes(ScriptedRadiusServer.Secret), request.Authenticator.Span).Should().Be(password);
        request.Contains(RadiusAttributeType.ChapPassword).Should().BeFalse("MAC login uses User-Password (LOG-MAC)");
    }

    [Fact]
    public async Task UnansweredRequest_IsRetransmittedUnchangedFromTheSameSourcePort()
    {
        var attempts = 0;
        Rig.Server.OnAccess = request => ++attempts < 3 ? null : request.CreateResponse(RadiusCode.AccessReject);

        var result = await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone));

        result.Reply!.Code.Should().Be(RadiusCode.AccessReject);
        var sent = Rig.Server.Received.Where(r => r.Packet.Code == RadiusCode.AccessRequest).ToList();
        sent.Should().HaveCount(3);
        sent.Select(r => Convert.ToHexString(r.Datagram)).Distinct().Should().ContainSingle("the same Identifier, authenticator and attributes");
        sent.Select(r => r.Source.Port).Distinct().Should().ContainSingle();
        Rig.Router.Counters.Resends.Should().Be(2);
    }

    [Fact]
    public async Task EachRequestType_ComesFromANewSourcePort()
    {
        var result = await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone));
        await Rig.Router.LogoutAsync(result.Session!);

        Rig.Server.Received.Select(r => r.Source.Port).Distinct().Should().HaveCount(3, "Access-Request, Start and Stop each use their own socket (LOG-V7)");
    }

    [Fact]
    public async Task ReplyWithoutMessageAuthenticator_IsDroppedWhenRequired_SoTheLoginTimesOut()
    {
        Rig.Server.SignAccessReplies = false;

        var result = await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone));

        result.TimedOut.Should().BeTrue("RouterOS 7.15+ drops it: 'RADIUS server is not responding'");
        Rig.Router.Counters.BadReplies.Should().Be(Rig.Router.Options.RadiusRetries + 1);
        Rig.Router.Counters.Timeouts.Should().Be(1);
        Rig.Router.Events.Should().Contain(e => e.Kind == HotspotEventKind.LoginTimedOut);
    }

    [Fact]
    public async Task ReplyWithoutMessageAuthenticator_IsAcceptedByARouterThatDoesNotRequireIt()
    {
        await using var rig = SimulatorRig.Create(o => o.RequireMessageAuthenticator = false);
        rig.Server.SignAccessReplies = false;

        (await rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Accepted.Should().BeTrue();
    }

    [Fact]
    public async Task ReplySignedWithAnotherSecret_IsABadReply()
    {
        Rig.Server.ReplySecret = "not-the-secret";

        var result = await Rig.Router.LoginAsync(HotspotLogin.Pap(Code, Phone));

        result.TimedOut.Should().BeTrue();
        Rig.Router.Counters.BadReplies.Should().BeGreaterThan(0);
    }

    [Fact]
    public async Task Reject_GivesTheReplyMessagesAndNoSession()
    {
        Rig.Server.OnAccess = request => request.CreateResponse(RadiusCode.AccessReject).AddString(RadiusAttributeType.ReplyMessage, "Voucher expired");

        var result = await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone));

        result.Accepted.Should().BeFalse();
        result.Session.Should().BeNull();
        result.ReplyMessages.Should().Equal("Voucher expired");
        Rig.Server.Received.Should().ContainSingle("no accounting after a reject");
    }

    private static IEnumerable<string> Types(RadiusPacket packet) =>
        packet.Attributes.Select(a => a.IsVendorSpecific ? $"26/{a.VendorId}/{a.VendorType}" : a.Type.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
