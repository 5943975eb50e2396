using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Billing.Tests.Hotspot.Support;
using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Billing.Tests.Hotspot;

/// <summary>
/// The expiry scheduler and the Disconnect/CoA work, end to end on loopback with the fake clock. The simulated
/// routers ignore Session-Timeout here, so only the server's own Disconnect ends a session.
/// </summary>
public sealed class SessionControlTests : HotspotRouterTests
{
    /// <summary>No stale sweeps within these tests' hours: only Disconnects (and the routers' Stops) close sessions here.</summary>
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Hotspot:StaleAfterIntervals"] = "100" };

    protected override void ConfigureRouter(HotspotSimulatorOptions options) => options.EnforceSessionTimeout = false;

    [Fact]
    public async Task ValidityVoucher_AtItsEnd_IsDisconnectedWithTheIdentityTheRouterSent()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;

        await Rig.AdvanceAsync(TimeSpan.FromMinutes(59));
        await Rig.WaitForCommandsAsync();
        SimulatedRouter.Events.Should().NotContain(e => e.Kind == HotspotEventKind.DisconnectReceived, "the voucher has a minute left");
        Rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var disconnect = await SimulatedRouter.WaitForEventAsync(e => e.Kind == HotspotEventKind.DisconnectReceived, what: "the expiry Disconnect-Request");
        var request = disconnect.Packet!;
        request.GetString(RadiusAttributeType.UserName).Should().Be(voucher.Code.Value);
        request.GetString(RadiusAttributeType.AcctSessionId).Should().Be(session.AcctSessionId);
        request.GetIPAddress(RadiusAttributeType.FramedIpAddress).Should().Be(session.FramedIpAddress);
        request.GetIPAddress(RadiusAttributeType.NasIpAddress).Should().Be(IPAddress.Loopback);
        disconnect.Answer.Should().Be(RadiusCode.DisconnectAck);
        var stored = await Rig.WaitForSessionAsync(Router, session, s => !s.IsOpen, "the Stop after the ACK");
        stored.DisconnectState.Should().Be(DisconnectState.Acked);
        stored.TerminateCause.Should().Be("Admin-Reset");
        (await Rig.Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Expired);
    }

    [Fact]
    public async Task SessionTheRouterNoLongerHas_IsNakked503_AndClosed()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        SimulatedRouter.Reboot();

        Rig.Clock.Advance(TimeSpan.FromHours(1));

        var stored = await Rig.WaitForSessionAsync(Router, session, s => !s.IsOpen, "closed on the NAK");
        stored.DisconnectState.Should().Be(DisconnectState.Nakked);
        stored.DisconnectErrorCause.Should().Be((uint)ErrorCause.SessionContextNotFound);
        stored.TerminateCause.Should().Be(TerminateCauses.SessionContextNotFound);
    }

    [Fact]
    public async Task RouterThatDoesNotAnswer_IsRecordedTimedOut_AndTriedAgainLater()
    {
        using var silentCoaPort = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.8"), 0));
        var (router, mikrotik) = await Rig.StartRouterAsync(
            o => o.EnforceSessionTimeout = false,
            address: "127.0.0.8",
            define: d => d with { CoaPort = ((IPEndPoint)silentCoaPort.Client.LocalEndPoint!).Port });
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await Rig.AdvanceAsync(TimeSpan.FromHours(1));

        // The CoA client waits 1, 2 and 4 minutes on the fake clock (HotspotRig): move it until the first attempt gives up.
        var first = await AdvanceUntilAsync(router, session, s => s.DisconnectState == DisconnectState.TimedOut);
        first.DisconnectAttempts.Should().Be(1);
        first.IsOpen.Should().BeTrue();
        var second = await AdvanceUntilAsync(router, session, s => s.DisconnectAttempts == 2 && s.DisconnectState == DisconnectState.TimedOut);
        second.IsOpen.Should().BeTrue("nobody answered; the stale sweep or the router's own timeout remain");
        silentCoaPort.Available.Should().BeGreaterThan(0, "the Disconnect-Requests did reach the router's CoA port");
    }

    [Fact]
    public async Task UptimeVoucher_EndMovesWithConnectedTime_AndPausesWhileOffline()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(TimeSpan.FromMinutes(30), PlanMode.Uptime));
        var first = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await Rig.AdvanceAsync(TimeSpan.FromMinutes(10));
        await SimulatedRouter.LogoutAsync(first);
        await Rig.AdvanceAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(10));
        await Rig.WaitForCommandsAsync();
        SimulatedRouter.Events.Should().NotContain(e => e.Kind == HotspotEventKind.DisconnectReceived, "offline time costs nothing");

        var second = await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone));
        second.SessionTimeout.Should().Be(1200u);
        await Rig.AdvanceAsync(TimeSpan.FromMinutes(19));
        await Rig.WaitForCommandsAsync();
        second.Session!.IsActive.Should().BeTrue();
        Rig.Clock.Advance(TimeSpan.FromMinutes(1));

        (await second.Session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
    }

    [Fact]
    public async Task Revoke_DisconnectsEveryOpenSessionAtOnce()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync(devices: 2));
        var phone = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        var laptop = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, "BC:24:11:EB:56:4E"))).Session!;

        var revoked = await Rig.Control.RevokeAsync(voucher.Code.Value.ToLowerInvariant(), default);

        revoked!.Status.Should().Be(VoucherStatus.Revoked);
        (await phone.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await laptop.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await Rig.Control.RevokeAsync("ZZZZZZZZZZ", default)).Should().BeNull();
    }

    [Fact]
    public async Task Extend_SendsACoaWithTheNewSessionTimeout_AndMovesTheEnd()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await Rig.AdvanceAsync(TimeSpan.FromMinutes(40));

        await Rig.Control.ExtendAsync(voucher.Code.Value, TimeSpan.FromMinutes(30), default);

        var coa = await SimulatedRouter.WaitForEventAsync(e => e.Kind == HotspotEventKind.CoaReceived, what: "the CoA-Request");
        coa.Answer.Should().Be(RadiusCode.CoaAck);
        coa.Packet!.GetUInt32(RadiusAttributeType.SessionTimeout).Should().Be(90u * 60, "40 minutes in, 50 left: 90 from the login");
        session.SessionTimeout.Should().Be(5400u);
        Rig.Scheduler.TryGetCheckTime(voucher.Code.Value, out var end).Should().BeTrue();
        end.Should().Be(HotspotRig.Start.AddMinutes(90));
    }

    [Fact]
    public async Task Extend_RefusedByTheRouter_DisconnectsSoTheCustomerLogsInAgain()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        SimulatedRouter.Reboot();

        await Rig.Control.ExtendAsync(voucher.Code.Value, TimeSpan.FromMinutes(30), default);

        (await SimulatedRouter.WaitForEventAsync(e => e.Kind == HotspotEventKind.CoaReceived, what: "the CoA-Request")).Answer.Should().Be(RadiusCode.CoaNak);
        (await SimulatedRouter.WaitForEventAsync(e => e.Kind == HotspotEventKind.DisconnectReceived, what: "the Disconnect after the NAK")).Answer
            .Should().Be(RadiusCode.DisconnectNak);
        (await Rig.WaitForSessionAsync(Router, session, s => !s.IsOpen, "closed: the router has no such session")).DisconnectErrorCause
            .Should().Be((uint)ErrorCause.SessionContextNotFound);
    }

    [Fact]
    public async Task AdminDisconnect_OfAClosedSession_IsAConflict_AndUnknownIsNull()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        var stored = await Rig.SessionAsync(Router, session);

        (await Rig.Control.DisconnectSessionAsync(stored.Id, default))!.Id.Should().Be(stored.Id);
        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        await Rig.WaitForSessionAsync(Router, session, s => !s.IsOpen, "closed by the Stop");

        var again = () => Rig.Control.DisconnectSessionAsync(stored.Id, default);
        await again.Should().ThrowAsync<WifiBilling.Billing.Domain.BillingConflictException>();
        (await Rig.Control.DisconnectSessionAsync("ses_unknown", default)).Should().BeNull();
    }

    [Fact]
    public async Task TwoInstancesDisconnectingTheSameSession_SendOneRequest()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        var stored = await Rig.SessionAsync(Router, session);
        using var otherInstance = new SessionDisconnector(
            Rig.Sessions,
            Rig.Get<SessionCoaSender>(),
            Rig.Get<IOptions<HotspotOptions>>(),
            Rig.Get<HotspotMetrics>(),
            Rig.Clock,
            NullLogger<SessionDisconnector>.Instance);

        var results = await Task.WhenAll(
            Rig.Get<SessionDisconnector>().DisconnectAsync(stored.Id, DisconnectReason.Admin, default),
            otherInstance.DisconnectAsync(stored.Id, DisconnectReason.Admin, default));

        results.Count(r => r is not null).Should().Be(1, "the claim in the store lets exactly one send it");
        SimulatedRouter.Events.Count(e => e.Kind == HotspotEventKind.DisconnectReceived).Should().Be(1);
    }

    [Fact]
    public async Task AfterARestart_TheScheduleIsRebuiltFromTheStore_AndStillDisconnectsOnTime()
    {
        var voucher = await Rig.MintAsync(await Rig.CreatePlanAsync());
        var session = (await SimulatedRouter.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await Rig.AdvanceAsync(TimeSpan.FromMinutes(30));

        await Rig.RestartAsync();
        Rig.Scheduler.TryGetCheckTime(voucher.Code.Value, out var end).Should().BeTrue("rebuilt from active vouchers with open sessions");
        end.Should().Be(HotspotRig.Start.AddHours(1));
        await Rig.AdvanceAsync(TimeSpan.FromMinutes(30));

        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await Rig.WaitForSessionAsync(Router, session, s => !s.IsOpen, "closed after the restart")).DisconnectState.Should().Be(DisconnectState.Acked);
    }

    private async Task<AccountingSession> AdvanceUntilAsync(Router router, HotspotSession session, Func<AccountingSession, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var current = await Rig.SessionAsync(router, session);
            if (condition(current))
            {
                return current;
            }

            Rig.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(25);
        }

        throw new TimeoutException("The session never reached the expected disconnect state.");
    }
}
