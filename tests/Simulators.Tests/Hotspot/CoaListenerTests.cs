using System.Net;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;
using WifiBilling.Simulators.Tests.Hotspot.Support;

namespace WifiBilling.Simulators.Tests.Hotspot;

/// <summary>The simulated router's <c>/radius incoming</c> (RFC 5176), driven by the real CoA client.</summary>
public sealed class CoaListenerTests : SimulatorRigTests
{
    private HotspotSession _session = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _session = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;
    }

    [Fact]
    public async Task Disconnect_ForTheSession_IsAcked_ThenTheRouterSendsStopAdminReset()
    {
        var result = await Rig.SendToRouterAsync(Rig.Disconnect(Identity(_session)));

        result.Outcome.Should().Be(CoaOutcome.Ack);
        (await _session.Ended.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(AcctTerminateCause.AdminReset);
        var stop = (await Rig.Server.WaitForAccountingAsync(AcctStatusType.Stop)).Packet;
        stop.GetUInt32(RadiusAttributeType.AcctTerminateCause).Should().Be((uint)AcctTerminateCause.AdminReset);
        Rig.Router.Events.Should().Contain(e => e.Kind == HotspotEventKind.DisconnectReceived && e.Answer == RadiusCode.DisconnectAck);
        Rig.Router.Counters.IncomingAcks.Should().Be(1);
    }

    [Fact]
    public async Task Disconnect_ForAnUnknownSession_IsNakkedSessionContextNotFound()
    {
        var result = await Rig.SendToRouterAsync(Rig.Disconnect(
            RadiusAttribute.FromString(RadiusAttributeType.AcctSessionId, "80100099"),
            RadiusAttribute.FromIPAddress(RadiusAttributeType.FramedIpAddress, _session.FramedIpAddress)));

        result.Outcome.Should().Be(CoaOutcome.Nak);
        result.ErrorCause.Should().Be(ErrorCause.SessionContextNotFound);
        _session.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Disconnect_NamingAnotherNas_IsNakkedNasIdentificationMismatch()
    {
        var result = await Rig.SendToRouterAsync(Rig.Disconnect(
            [.. Identity(_session).Where(a => !a.Is(RadiusAttributeType.NasIpAddress)),
             RadiusAttribute.FromIPAddress(RadiusAttributeType.NasIpAddress, IPAddress.Parse("10.9.9.9"))]));

        result.ErrorCause.Should().Be(ErrorCause.NasIdentificationMismatch);
        _session.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Disconnect_WithTheWrongSecret_IsDroppedUnanswered()
    {
        var request = CoaRequest.Disconnect(IPAddress.Loopback, "wrong-secret", Identity(_session)) with { Port = Rig.Router.CoaEndPoint!.Port };

        var result = await Rig.Coa.SendAsync(request);

        result.Outcome.Should().Be(CoaOutcome.Timeout);
        Rig.Router.Counters.IncomingBadRequests.Should().BeGreaterThan(0);
        _session.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task Coa_WithANewSessionTimeout_IsAppliedFromTheLogin()
    {
        Rig.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await Rig.SendToRouterAsync(CoaRequest.ChangeOfAuthorization(
            IPAddress.Loopback,
            ScriptedRadiusServer.Secret,
            [.. Identity(_session), RadiusAttribute.FromUInt32(RadiusAttributeType.SessionTimeout, 900)]));

        result.Outcome.Should().Be(CoaOutcome.Ack);
        _session.SessionTimeout.Should().Be(900u);
        Rig.Clock.Advance(TimeSpan.FromSeconds(299));
        _session.IsActive.Should().BeTrue();
        Rig.Clock.Advance(TimeSpan.FromSeconds(1));
        (await _session.Ended.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(AcctTerminateCause.SessionTimeout);
    }

    [Fact]
    public async Task SecondDisconnect_ForASessionAlreadyGone_IsNakked_AndOneStopIsSent()
    {
        var first = await Rig.SendToRouterAsync(Rig.Disconnect(Identity(_session)));
        var second = await Rig.SendToRouterAsync(Rig.Disconnect(Identity(_session)));

        first.Outcome.Should().Be(CoaOutcome.Ack);
        second.ErrorCause.Should().Be(ErrorCause.SessionContextNotFound, "a new request for a session that is gone");
        await Rig.Server.WaitForAccountingAsync(AcctStatusType.Stop);
        Rig.Server.Accounting(AcctStatusType.Stop).Should().ContainSingle();
    }

    private static RadiusAttribute[] Identity(HotspotSession session) =>
    [
        RadiusAttribute.FromString(RadiusAttributeType.UserName, session.UserName),
        RadiusAttribute.FromString(RadiusAttributeType.AcctSessionId, session.AcctSessionId),
        RadiusAttribute.FromIPAddress(RadiusAttributeType.FramedIpAddress, session.FramedIpAddress),
        RadiusAttribute.FromIPAddress(RadiusAttributeType.NasIpAddress, IPAddress.Loopback),
    ];
}
