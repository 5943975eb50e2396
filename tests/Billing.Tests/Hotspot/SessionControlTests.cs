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
public sealed class SessionControlTests : IAsyncLifetime
{
    private const string Phone = "BC:24:11:EB:56:4D";
    private HotspotRig _rig = null!;
    private Router _router = null!;
    private HotspotSimulator _mikrotik = null!;

    public async Task InitializeAsync()
    {
        // No stale sweeps within these tests' hours: only Disconnects (and the routers' Stops) close sessions here.
        _rig = await HotspotRig.StartAsync(new Dictionary<string, string?> { ["Hotspot:StaleAfterIntervals"] = "100" });
        (_router, _mikrotik) = await _rig.StartRouterAsync(o => o.EnforceSessionTimeout = false);
    }

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task ValidityVoucher_AtItsEnd_IsDisconnectedWithTheIdentityTheRouterSent()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;

        await _rig.AdvanceAsync(TimeSpan.FromMinutes(59));
        await _rig.WaitForCommandsAsync();
        _mikrotik.Events.Should().NotContain(e => e.Kind == HotspotEventKind.DisconnectReceived, "the voucher has a minute left");
        _rig.Clock.Advance(TimeSpan.FromMinutes(1));

        var disconnect = await _mikrotik.WaitForEventAsync(e => e.Kind == HotspotEventKind.DisconnectReceived, what: "the expiry Disconnect-Request");
        var request = disconnect.Packet!;
        request.GetString(RadiusAttributeType.UserName).Should().Be(voucher.Code.Value);
        request.GetString(RadiusAttributeType.AcctSessionId).Should().Be(session.AcctSessionId);
        request.GetIPAddress(RadiusAttributeType.FramedIpAddress).Should().Be(session.FramedIpAddress);
        request.GetIPAddress(RadiusAttributeType.NasIpAddress).Should().Be(IPAddress.Loopback);
        disconnect.Answer.Should().Be(RadiusCode.DisconnectAck);
        var stored = await _rig.WaitForSessionAsync(_router, session, s => !s.IsOpen, "the Stop after the ACK");
        stored.DisconnectState.Should().Be(DisconnectState.Acked);
        stored.TerminateCause.Should().Be("Admin-Reset");
        (await _rig.Vouchers.FindAsync(voucher.Code.Value, default))!.Status.Should().Be(VoucherStatus.Expired);
    }

    [Fact]
    public async Task SessionTheRouterNoLongerHas_IsNakked503_AndClosed()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        _mikrotik.Reboot();

        _rig.Clock.Advance(TimeSpan.FromHours(1));

        var stored = await _rig.WaitForSessionAsync(_router, session, s => !s.IsOpen, "closed on the NAK");
        stored.DisconnectState.Should().Be(DisconnectState.Nakked);
        stored.DisconnectErrorCause.Should().Be((uint)ErrorCause.SessionContextNotFound);
        stored.TerminateCause.Should().Be(TerminateCauses.SessionContextNotFound);
    }

    [Fact]
    public async Task RouterThatDoesNotAnswer_IsRecordedTimedOut_AndTriedAgainLater()
    {
        using var silentCoaPort = new UdpClient(new IPEndPoint(IPAddress.Parse("127.0.0.8"), 0));
        var (router, mikrotik) = await _rig.StartRouterAsync(
            o => o.EnforceSessionTimeout = false,
            address: "127.0.0.8",
            define: d => d with { CoaPort = ((IPEndPoint)silentCoaPort.Client.LocalEndPoint!).Port });
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await _rig.AdvanceAsync(TimeSpan.FromHours(1));

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
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync(TimeSpan.FromMinutes(30), PlanMode.Uptime));
        var first = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await _rig.AdvanceAsync(TimeSpan.FromMinutes(10));
        await _mikrotik.LogoutAsync(first);
        await _rig.AdvanceAsync(TimeSpan.FromHours(2), TimeSpan.FromMinutes(10));
        await _rig.WaitForCommandsAsync();
        _mikrotik.Events.Should().NotContain(e => e.Kind == HotspotEventKind.DisconnectReceived, "offline time costs nothing");

        var second = await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone));
        second.SessionTimeout.Should().Be(1200u);
        await _rig.AdvanceAsync(TimeSpan.FromMinutes(19));
        await _rig.WaitForCommandsAsync();
        second.Session!.IsActive.Should().BeTrue();
        _rig.Clock.Advance(TimeSpan.FromMinutes(1));

        (await second.Session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
    }

    [Fact]
    public async Task Revoke_DisconnectsEveryOpenSessionAtOnce()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync(devices: 2));
        var phone = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        var laptop = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, "BC:24:11:EB:56:4E"))).Session!;

        var revoked = await _rig.Control.RevokeAsync(voucher.Code.Value.ToLowerInvariant(), default);

        revoked!.Status.Should().Be(VoucherStatus.Revoked);
        (await phone.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await laptop.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await _rig.Control.RevokeAsync("ZZZZZZZZZZ", default)).Should().BeNull();
    }

    [Fact]
    public async Task Extend_SendsACoaWithTheNewSessionTimeout_AndMovesTheEnd()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await _rig.AdvanceAsync(TimeSpan.FromMinutes(40));

        await _rig.Control.ExtendAsync(voucher.Code.Value, TimeSpan.FromMinutes(30), default);

        var coa = await _mikrotik.WaitForEventAsync(e => e.Kind == HotspotEventKind.CoaReceived, what: "the CoA-Request");
        coa.Answer.Should().Be(RadiusCode.CoaAck);
        coa.Packet!.GetUInt32(RadiusAttributeType.SessionTimeout).Should().Be(90u * 60, "40 minutes in, 50 left: 90 from the login");
        session.SessionTimeout.Should().Be(5400u);
        _rig.Scheduler.TryGetCheckTime(voucher.Code.Value, out var end).Should().BeTrue();
        end.Should().Be(HotspotRig.Start.AddMinutes(90));
    }

    [Fact]
    public async Task Extend_RefusedByTheRouter_DisconnectsSoTheCustomerLogsInAgain()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        _mikrotik.Reboot();

        await _rig.Control.ExtendAsync(voucher.Code.Value, TimeSpan.FromMinutes(30), default);

        (await _mikrotik.WaitForEventAsync(e => e.Kind == HotspotEventKind.CoaReceived, what: "the CoA-Request")).Answer.Should().Be(RadiusCode.CoaNak);
        (await _mikrotik.WaitForEventAsync(e => e.Kind == HotspotEventKind.DisconnectReceived, what: "the Disconnect after the NAK")).Answer
            .Should().Be(RadiusCode.DisconnectNak);
        (await _rig.WaitForSessionAsync(_router, session, s => !s.IsOpen, "closed: the router has no such session")).DisconnectErrorCause
            .Should().Be((uint)ErrorCause.SessionContextNotFound);
    }

    [Fact]
    public async Task AdminDisconnect_OfAClosedSession_IsAConflict_AndUnknownIsNull()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        var stored = await _rig.SessionAsync(_router, session);

        (await _rig.Control.DisconnectSessionAsync(stored.Id, default))!.Id.Should().Be(stored.Id);
        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        await _rig.WaitForSessionAsync(_router, session, s => !s.IsOpen, "closed by the Stop");

        var again = () => _rig.Control.DisconnectSessionAsync(stored.Id, default);
        await again.Should().ThrowAsync<WifiBilling.Billing.Domain.BillingConflictException>();
        (await _rig.Control.DisconnectSessionAsync("ses_unknown", default)).Should().BeNull();
    }

    [Fact]
    public async Task TwoInstancesDisconnectingTheSameSession_SendOneRequest()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        var stored = await _rig.SessionAsync(_router, session);
        using var otherInstance = new SessionDisconnector(
            _rig.Sessions,
            _rig.Get<SessionCoaSender>(),
            _rig.Get<IOptions<HotspotOptions>>(),
            _rig.Get<HotspotMetrics>(),
            _rig.Clock,
            NullLogger<SessionDisconnector>.Instance);

        var results = await Task.WhenAll(
            _rig.Get<SessionDisconnector>().DisconnectAsync(stored.Id, DisconnectReason.Admin, default),
            otherInstance.DisconnectAsync(stored.Id, DisconnectReason.Admin, default));

        results.Count(r => r is not null).Should().Be(1, "the claim in the store lets exactly one send it");
        _mikrotik.Events.Count(e => e.Kind == HotspotEventKind.DisconnectReceived).Should().Be(1);
    }

    [Fact]
    public async Task AfterARestart_TheScheduleIsRebuiltFromTheStore_AndStillDisconnectsOnTime()
    {
        var voucher = await _rig.MintAsync(await _rig.CreatePlanAsync());
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(voucher.Code.Value, Phone))).Session!;
        await _rig.AdvanceAsync(TimeSpan.FromMinutes(30));

        await _rig.RestartAsync();
        _rig.Scheduler.TryGetCheckTime(voucher.Code.Value, out var end).Should().BeTrue("rebuilt from active vouchers with open sessions");
        end.Should().Be(HotspotRig.Start.AddHours(1));
        await _rig.AdvanceAsync(TimeSpan.FromMinutes(30));

        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await _rig.WaitForSessionAsync(_router, session, s => !s.IsOpen, "closed after the restart")).DisconnectState.Should().Be(DisconnectState.Acked);
    }

    private async Task<AccountingSession> AdvanceUntilAsync(Router router, HotspotSession session, Func<AccountingSession, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var current = await _rig.SessionAsync(router, session);
            if (condition(current))
            {
                return current;
            }

            _rig.Clock.Advance(TimeSpan.FromSeconds(10));
            await Task.Delay(25);
        }

        throw new TimeoutException("The session never reached the expected disconnect state.");
    }
}
