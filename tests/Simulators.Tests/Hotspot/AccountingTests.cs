using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;
using WifiBilling.Simulators.Hotspot;
using WifiBilling.Simulators.Tests.Hotspot.Support;

namespace WifiBilling.Simulators.Tests.Hotspot;

/// <summary>Accounting and the limits the simulated router enforces on its own clock (mikrotik.md §2, §3).</summary>
public sealed class AccountingTests : SimulatorRigTests
{
    [Fact]
    public async Task Start_EchoesClass_StampsTheRouterClock_AndHasNoCounters()
    {
        Rig.Server.OnAccess = r => r.CreateResponse(RadiusCode.AccessAccept)
            .AddString(RadiusAttributeType.Class, "wb1:" + Code)
            .AddUInt32(RadiusAttributeType.SessionTimeout, 3600);

        var result = await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone));

        var start = Rig.Server.Accounting(AcctStatusType.Start).Should().ContainSingle().Subject;
        start.GetString(RadiusAttributeType.AcctSessionId).Should().Be(result.Session!.AcctSessionId);
        start.GetString(RadiusAttributeType.Class).Should().Be("wb1:" + Code);
        start.GetDate(RadiusAttributeType.EventTimestamp).Should().Be(SimulatorRig.Start);
        start.GetUInt32(RadiusAttributeType.AcctDelayTime).Should().Be(0u);
        start.Contains(RadiusAttributeType.AcctInputOctets).Should().BeFalse();
        start.Contains(RadiusAttributeType.ServiceType).Should().BeFalse("RouterOS accounting carries no Service-Type");
        start.Contains(RadiusAttributeType.MessageAuthenticator).Should().BeFalse("nor a Message-Authenticator (LOG-V7)");
        Rig.Router.Events.Should().Contain(e => e.Kind == HotspotEventKind.SessionStarted && e.Acknowledged);
    }

    [Fact]
    public async Task Interims_FollowTheGrantedInterval_WithGigawordsAndSessionTime()
    {
        Rig.Server.OnAccess = r => r.CreateResponse(RadiusCode.AccessAccept).AddUInt32(RadiusAttributeType.AcctInterimInterval, 300);
        var session = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        Rig.Router.AddTraffic(session, 5_000_000_000, 7);
        Rig.Clock.Advance(TimeSpan.FromSeconds(299));
        Rig.Server.Accounting(AcctStatusType.InterimUpdate).Should().BeEmpty();
        Rig.Clock.Advance(TimeSpan.FromSeconds(1));
        var interim = (await Rig.Server.WaitForAccountingAsync(AcctStatusType.InterimUpdate)).Packet;

        interim.GetUInt32(RadiusAttributeType.AcctSessionTime).Should().Be(300u);
        interim.GetUInt32(RadiusAttributeType.AcctInputGigawords).Should().Be(1u);
        interim.GetUInt32(RadiusAttributeType.AcctInputOctets).Should().Be((uint)(5_000_000_000 - (1L << 32)));
        interim.GetUInt32(RadiusAttributeType.AcctOutputOctets).Should().Be(7u);
        interim.GetDate(RadiusAttributeType.EventTimestamp).Should().Be(SimulatorRig.Start.AddSeconds(300));
        interim.Contains(RadiusAttributeType.AcctTerminateCause).Should().BeFalse();
    }

    [Fact]
    public async Task NoAcctInterimInterval_NoInterims_WhenTheProfileSaysReceived()
    {
        var session = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        session.InterimInterval.Should().BeNull("mikrotik.md §6 pitfall 4: 'received' and nothing received");
        Rig.Clock.Advance(TimeSpan.FromMinutes(30));
        await Rig.Router.LogoutAsync(session);
        Rig.Server.Accounting(AcctStatusType.InterimUpdate).Should().BeEmpty();
    }

    [Fact]
    public async Task FixedProfileInterval_WinsOverTheServers()
    {
        await using var rig = SimulatorRig.Create(o => o.InterimUpdate = TimeSpan.FromMinutes(1));
        rig.Server.OnAccess = r => r.CreateResponse(RadiusCode.AccessAccept).AddUInt32(RadiusAttributeType.AcctInterimInterval, 300);

        var session = (await rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        session.InterimInterval.Should().Be(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task SessionTimeout_EndsTheSessionOnTheRouterClock_WithStopSessionTimeout()
    {
        Rig.Server.OnAccess = r => r.CreateResponse(RadiusCode.AccessAccept).AddUInt32(RadiusAttributeType.SessionTimeout, 600);
        var session = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        Rig.Clock.Advance(TimeSpan.FromSeconds(599));
        session.IsActive.Should().BeTrue();
        Rig.Clock.Advance(TimeSpan.FromSeconds(1));

        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(AcctTerminateCause.SessionTimeout);
        var stop = Rig.Server.Accounting(AcctStatusType.Stop).Should().ContainSingle().Subject;
        stop.GetUInt32(RadiusAttributeType.AcctTerminateCause).Should().Be((uint)AcctTerminateCause.SessionTimeout);
        stop.GetUInt32(RadiusAttributeType.AcctSessionTime).Should().Be(600u);
    }

    [Fact]
    public async Task IdleTimeout_EndsAQuietSession_ButTrafficKeepsItAlive()
    {
        Rig.Server.OnAccess = r => r.CreateResponse(RadiusCode.AccessAccept).AddUInt32(RadiusAttributeType.IdleTimeout, 300);
        var busy = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;
        var quiet = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, "BC:24:11:EB:56:4E"))).Session!;

        for (var minute = 0; minute < 8; minute++)
        {
            Rig.Router.AddTraffic(busy, 100, 1000);
            Rig.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        (await quiet.Ended.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(AcctTerminateCause.IdleTimeout);
        busy.IsActive.Should().BeTrue();
    }

    [Fact]
    public async Task TotalLimit_EndsTheSessionWhenTheBytesAreUsed()
    {
        Rig.Server.OnAccess = r =>
        {
            var accept = r.CreateResponse(RadiusCode.AccessAccept);
            foreach (var limit in Mikrotik.TotalLimit(5_000_000_000))
            {
                accept.Add(limit);
            }

            return accept;
        };
        var session = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;
        session.TotalLimit.Should().Be(5_000_000_000, "Total-Limit plus Total-Limit-Gigawords × 2^32");

        Rig.Router.AddTraffic(session, 1_000_000_000, 3_999_999_999);
        session.IsActive.Should().BeTrue();
        Rig.Router.AddTraffic(session, 0, 1);

        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(AcctTerminateCause.NasRequest);
    }

    [Fact]
    public async Task StopWhoseStartWentUnanswered_IsStillSent()
    {
        Rig.Server.OnAccounting = r => r.GetUInt32(RadiusAttributeType.AcctStatusType) != (uint)AcctStatusType.Start;
        var session = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        await Rig.Router.LogoutAsync(session);

        Rig.Server.Accounting(AcctStatusType.Start).Should().HaveCount(Rig.Router.Options.RadiusRetries + 1, "retransmitted until given up");
        Rig.Server.Accounting(AcctStatusType.Stop).Should().ContainSingle()
            .Which.GetUInt32(RadiusAttributeType.AcctTerminateCause).Should().Be((uint)AcctTerminateCause.UserRequest);
    }

    [Fact]
    public async Task Reboot_DropsSessionsWithoutStop_AndBumpsTheBootSymbol()
    {
        var before = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        Rig.Router.Reboot();
        var after = (await Rig.Router.LoginAsync(HotspotLogin.Chap(Code, Phone))).Session!;

        before.IsActive.Should().BeFalse();
        (await before.Ended.WaitAsync(TimeSpan.FromSeconds(20))).Should().Be(AcctTerminateCause.NasReboot);
        Rig.Server.Accounting(AcctStatusType.Stop).Should().BeEmpty("no Stop and no Accounting-On after a power cut");
        before.AcctSessionId.Should().Be("80100001");
        after.AcctSessionId.Should().Be("80200001");
    }
}
