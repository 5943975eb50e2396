using System.Net;
using System.Text;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Billing.Tests.Hotspot.Support;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Tests.Support;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>Accounting from a simulated MikroTik (and hand-made packets for the odd cases) into the real store.</summary>
public sealed class AccountingHandlerTests : HotspotRouterTests
{
    protected override void ConfigureRouter(HotspotSimulatorOptions options) => options.EnforceDataLimit = false;

    [Fact]
    public async Task StartInterimStop_AreRecorded_WithWhatADisconnectNeeds_AndChargeTheVoucher()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;

        var started = await Rig.SessionAsync(Router, session);
        started.IsOpen.Should().BeTrue();
        started.VoucherCode.Should().Be(voucher.Code.Value);
        started.UserName.Should().Be(voucher.Code.Value);
        started.Mac!.Value.Should().Be(Phone);
        started.FramedIpAddress.Should().Be(session.FramedIpAddress);
        started.NasIpAddress.Should().Be(IPAddress.Loopback);
        started.NasIdentifier.Should().Be("MikroTik");
        started.Class.Should().Be("wb1:" + voucher.Code.Value);
        started.StartedAt.Should().Be(HotspotRig.Start);

        SimulatedRouter.AddTraffic(session, 1_000, 9_000);
        Rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await Rig.WaitForSessionAsync(Router, session, s => s.SessionSeconds == 300, "the interim at 5 minutes");
        SimulatedRouter.AddTraffic(session, 4_000, 16_000);
        Rig.Clock.Advance(TimeSpan.FromMinutes(2));
        await SimulatedRouter.LogoutAsync(session);

        var stopped = await Rig.SessionAsync(Router, session);
        stopped.IsOpen.Should().BeFalse();
        stopped.StoppedAt.Should().Be(HotspotRig.Start.AddMinutes(7));
        stopped.TerminateCause.Should().Be("User-Request");
        (stopped.SessionSeconds, stopped.InputBytes, stopped.OutputBytes).Should().Be((420L, 5_000L, 25_000L));
        var charged = await Rig.Vouchers.FindAsync(voucher.Code.Value, default);
        (charged!.UsedSeconds, charged.UsedBytes).Should().Be((420L, 30_000L));
    }

    [Fact]
    public async Task Gigawords_AreMergedIntoTheByteCounters()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;

        SimulatedRouter.AddTraffic(session, 5_000_000_000, 9_000_000_000);
        await SimulatedRouter.SendInterimAsync(session);

        var stored = await Rig.SessionAsync(Router, session);
        (stored.InputBytes, stored.OutputBytes).Should().Be((5_000_000_000L, 9_000_000_000L));
    }

    [Fact]
    public async Task MacLoginAccounting_FindsItsVoucherThroughClass()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(), device: Phone);
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.MacLogin(Phone))).Session!;
        SimulatedRouter.AddTraffic(session, 2_000, 3_000);

        await SimulatedRouter.SendInterimAsync(session);

        var stored = await Rig.SessionAsync(Router, session);
        stored.UserName.Should().Be(Phone, "User-Name of a MAC login is the MAC");
        stored.VoucherCode.Should().Be(voucher.Code.Value);
        (await Rig.Vouchers.FindAsync(voucher.Code.Value, default))!.UsedBytes.Should().Be(5_000);
    }

    [Fact]
    public async Task ReorderedAndRetransmittedRecords_NeverRollBackOrDoubleCharge()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        using var nas = new UdpProbe();
        var later = Accounting(AcctStatusType.InterimUpdate, "80100042", voucher.Code.Value, seconds: 600, input: 2_000);
        var earlier = Accounting(AcctStatusType.InterimUpdate, "80100042", voucher.Code.Value, seconds: 300, input: 1_000);

        (await nas.ExchangeAsync(later, Rig.AcctEndPoint)).Should().NotBeNull();
        (await nas.ExchangeAsync(earlier, Rig.AcctEndPoint)).Should().NotBeNull();
        (await nas.ExchangeAsync(later, Rig.AcctEndPoint)).Should().NotBeNull("a retransmit is answered again");

        var session = await Rig.Sessions.FindByAcctSessionIdAsync(Router.Id, "80100042", default);
        (session!.SessionSeconds, session.InputBytes).Should().Be((600L, 2_000L));
        var charged = await Rig.Vouchers.FindAsync(voucher.Code.Value, default);
        (charged!.UsedSeconds, charged.UsedBytes).Should().Be((600L, 2_000L));
    }

    [Fact]
    public async Task StopWithoutStart_CreatesTheSessionClosed()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        using var nas = new UdpProbe();

        var reply = await nas.ExchangeAsync(Accounting(AcctStatusType.Stop, "80100043", voucher.Code.Value, seconds: 120, input: 500, cause: AcctTerminateCause.LostCarrier), Rig.AcctEndPoint);

        reply.Should().NotBeNull();
        var session = await Rig.Sessions.FindByAcctSessionIdAsync(Router.Id, "80100043", default);
        session!.IsOpen.Should().BeFalse();
        session.TerminateCause.Should().Be("Lost-Carrier");
        session.StartedAt.Should().Be(HotspotRig.Start.AddSeconds(-120));
        (await Rig.Vouchers.FindAsync(voucher.Code.Value, default))!.UsedSeconds.Should().Be(120);
    }

    [Fact]
    public async Task StartReusingTheIdOfAClosedSession_OpensANewSession_AndSaysSoInTheLog()
    {
        var code = (await Rig.MintAsync(await Rig.CreatePlanAsync())).Code.Value;
        using var nas = new UdpProbe();
        await nas.ExchangeAsync(Accounting(AcctStatusType.Stop, "80100044", code, seconds: 60, input: 10), Rig.AcctEndPoint);
        Rig.Clock.Advance(TimeSpan.FromDays(30));

        (await nas.ExchangeAsync(Accounting(AcctStatusType.Start, "80100044", code, seconds: 0, input: 0), Rig.AcctEndPoint)).Should().NotBeNull();

        (await Rig.Sessions.FindByAcctSessionIdAsync(Router.Id, "80100044", default))!.IsOpen.Should().BeTrue();
        Rig.Logs.Entries.Should().Contain(e => e.Level == Microsoft.Extensions.Logging.LogLevel.Information
            && e.Message.Contains("reused Acct-Session-Id 80100044", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordWithoutAcctSessionId_IsNotAnswered()
    {
        using var nas = new UdpProbe();
        var packet = new RadiusPacket(RadiusCode.AccountingRequest, 9).AddUInt32(RadiusAttributeType.AcctStatusType, (uint)AcctStatusType.Start);

        (await nas.ExchangeAsync(RadiusPacketCodec.Encode(packet, Encoding.UTF8.GetBytes(HotspotRig.Secret)), Rig.AcctEndPoint, TimeSpan.FromSeconds(1)))
            .Should().BeNull("it cannot be recorded, so no Accounting-Response (RFC 2866 §4.1)");
    }

    [Fact]
    public async Task NewBootSymbolInAcctSessionId_ClosesTheSessionsFromBeforeTheReboot()
    {
        var plan = await Rig.CreatePlanAsync();
        var lost = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap((await Rig.MintAsync(plan)).Code.Value, Phone))).Session!;
        var (_, other) = await Rig.StartRouterAsync(o => o.Identity = "Other", address: "127.0.0.2");
        var elsewhere = (await other.LoginAsync(HotspotLogin.Chap((await Rig.MintAsync(plan)).Code.Value, Phone))).Session!;

        Rig.Clock.Advance(TimeSpan.FromMinutes(2));
        SimulatedRouter.Reboot();
        var fresh = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap((await Rig.MintAsync(plan)).Code.Value, "BC:24:11:EB:56:4E"))).Session!;

        fresh.AcctSessionId.Should().Be("80200001");
        var closed = await Rig.SessionAsync(Router, lost);
        closed.IsOpen.Should().BeFalse();
        closed.TerminateCause.Should().Be(TerminateCauses.NasReboot);
        (await Rig.SessionAsync(Router, fresh)).IsOpen.Should().BeTrue();
        (await Rig.Sessions.ListOpenAsync(null, null, default)).Select(s => s.AcctSessionId)
            .Should().BeEquivalentTo([fresh.AcctSessionId, elsewhere.AcctSessionId], "another router's sessions are not touched");
    }

    [Fact]
    public async Task SixteenRebootsLater_TheReusedAcctSessionId_IsANewSession_ChargedToItsOwnVoucher()
    {
        var plan = await Rig.CreatePlanAsync(TimeSpan.FromHours(2));
        var first = await Rig.MintAsync(plan);
        var old = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(first.Code.Value, Phone))).Session!;
        Rig.Clock.Advance(TimeSpan.FromMinutes(3));
        await SimulatedRouter.LogoutAsync(old);
        Rig.Clock.Advance(TimeSpan.FromHours(1));

        for (var boot = 0; boot < 16; boot++)
        {
            SimulatedRouter.Reboot(); // the boot symbol has 16 values: it is back where it was
        }

        var second = await Rig.MintAsync(plan);
        var reused = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(second.Code.Value, "BC:24:11:EB:56:4E"))).Session!;
        reused.AcctSessionId.Should().Be(old.AcctSessionId);

        var opened = await Rig.SessionAsync(Router, reused);
        opened.IsOpen.Should().BeTrue("the reused id opens a new session instead of merging into the closed one");
        opened.VoucherCode.Should().Be(second.Code.Value);
        SimulatedRouter.AddTraffic(reused, 2_000, 3_000);
        Rig.Clock.Advance(TimeSpan.FromMinutes(5));
        await Rig.WaitForSessionAsync(Router, reused, s => s.SessionSeconds == 300, "the new session's interim");
        var charged = await Rig.Vouchers.FindAsync(second.Code.Value, default);
        (charged!.UsedSeconds, charged.UsedBytes).Should().Be((300L, 5_000L));
        (await Rig.Vouchers.FindAsync(first.Code.Value, default))!.UsedSeconds.Should().Be(180, "the first voucher keeps only its own session");
    }

    [Fact]
    public async Task AccountingOn_ClosesTheNasSessions()
    {
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap((await Rig.MintAsync(await Rig.CreatePlanAsync())).Code.Value, Phone))).Session!;
        using var nas = new UdpProbe();
        var on = new RadiusPacket(RadiusCode.AccountingRequest, 10)
            .AddUInt32(RadiusAttributeType.AcctStatusType, (uint)AcctStatusType.AccountingOn)
            .AddString(RadiusAttributeType.NasIdentifier, "MikroTik")
            .AddIPAddress(RadiusAttributeType.NasIpAddress, IPAddress.Loopback);

        (await nas.ExchangeAsync(RadiusPacketCodec.Encode(on, Encoding.UTF8.GetBytes(HotspotRig.Secret)), Rig.AcctEndPoint)).Should().NotBeNull();

        (await Rig.SessionAsync(Router, session)).TerminateCause.Should().Be(TerminateCauses.NasReboot);
    }

    [Fact]
    public async Task StaleSessions_AreClosedAfterThreeIntervalsWithoutAccounting()
    {
        var plan = await Rig.CreatePlanAsync(TimeSpan.FromHours(2));
        var silent = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap((await Rig.MintAsync(plan)).Code.Value, Phone))).Session!;
        var (router2, talking) = await Rig.StartRouterAsync(o => o.Identity = "Talking", address: "127.0.0.2");
        var alive = (await talking.LoginAsync(HotspotLogin.Chap((await Rig.MintAsync(plan)).Code.Value, Phone))).Session!;
        SimulatedRouter.Reboot();

        for (var minute = 0; minute < 16; minute++)
        {
            talking.AddTraffic(alive, 10, 10);
            Rig.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(20);
        }

        await Rig.WaitForSessionAsync(Router, silent, s => !s.IsOpen, "the silent session was swept");
        (await Rig.SessionAsync(Router, silent)).TerminateCause.Should().Be(TerminateCauses.Stale);
        (await Rig.WaitForSessionAsync(router2, alive, s => s.SessionSeconds >= 900, "interims keep coming")).IsOpen.Should().BeTrue();
        (await Rig.Get<StaleSessionSweeper>().SweepAsync(default)).Should().Be(0);
    }

    [Fact]
    public async Task DataCapUsedUp_DisconnectsTheSession()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(dataCapBytes: 1_000_000));
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;

        SimulatedRouter.AddTraffic(session, 100_000, 950_000);
        await SimulatedRouter.SendInterimAsync(session);

        var disconnect = await SimulatedRouter.WaitForEventAsync(e => e.Kind == HotspotEventKind.DisconnectReceived, what: "a Disconnect-Request");
        disconnect.Answer.Should().Be(RadiusCode.DisconnectAck);
        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        var stored = await Rig.WaitForSessionAsync(Router, session, s => !s.IsOpen && s.DisconnectState == DisconnectState.Acked, "closed after the ACK");
        stored.TerminateCause.Should().Be("Admin-Reset");
    }

    [Fact]
    public async Task UptimeVoucher_IsChargedConnectedTimeOnly()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(TimeSpan.FromHours(1), PlanMode.Uptime));
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        Rig.Clock.Advance(TimeSpan.FromMinutes(12));
        await SimulatedRouter.LogoutAsync(session);
        Rig.Clock.Advance(TimeSpan.FromHours(3));

        var stored = await Rig.Vouchers.FindAsync(voucher.Code.Value, default);

        stored!.UsedSeconds.Should().Be(720);
        stored.RemainingTime(Rig.Clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(48));
    }

    private static byte[] Accounting(AcctStatusType status, string acctSessionId, string code, uint seconds, uint input, AcctTerminateCause? cause = null)
    {
        var packet = new RadiusPacket(RadiusCode.AccountingRequest, (byte)Random.Shared.Next(256))
            .AddUInt32(RadiusAttributeType.AcctStatusType, (uint)status);
        if (cause is { } terminateCause)
        {
            packet.AddUInt32(RadiusAttributeType.AcctTerminateCause, (uint)terminateCause);
        }

        packet.AddString(RadiusAttributeType.CallingStationId, Phone)
            .AddString(RadiusAttributeType.UserName, code)
            .AddString(RadiusAttributeType.AcctSessionId, acctSessionId)
            .AddIPAddress(RadiusAttributeType.FramedIpAddress, IPAddress.Parse("10.5.50.9"))
            .AddString(RadiusAttributeType.Class, "wb1:" + code)
            .AddUInt32(RadiusAttributeType.AcctInputOctets, input)
            .AddUInt32(RadiusAttributeType.AcctOutputOctets, 0)
            .AddUInt32(RadiusAttributeType.AcctSessionTime, seconds)
            .AddString(RadiusAttributeType.NasIdentifier, "MikroTik")
            .AddUInt32(RadiusAttributeType.AcctDelayTime, 0)
            .AddIPAddress(RadiusAttributeType.NasIpAddress, IPAddress.Loopback);
        return RadiusPacketCodec.Encode(packet, Encoding.UTF8.GetBytes(HotspotRig.Secret));
    }
}
