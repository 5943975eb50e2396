using WifiBilling.Portal.Tests.Hotspot.Support;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.EndToEnd.Tests.HotspotLoop;

/// <summary>
/// Issue 5's proof, end to end: an admin-minted voucher through a simulated MikroTik, the Portal's RADIUS server and
/// store, to the Disconnect at its end. The router here ignores Session-Timeout (as some do, anchors b.2), so the
/// session ends only if the Portal disconnects it.
/// </summary>
public sealed class VoucherLoopTests : IAsyncLifetime
{
    private const string Phone = "BC:24:11:EB:56:4D";
    private const string Laptop = "BC:24:11:EB:56:4E";
    private HotspotLoop _loop = null!;

    public async Task InitializeAsync() => _loop = await HotspotLoop.StartAsync(o =>
    {
        o.EnforceSessionTimeout = false;
        o.EnforceDataLimit = false;
    });

    public async Task DisposeAsync() => await _loop.DisposeAsync();

    [Fact]
    public async Task AdminMintedVoucher_ChapLogin_Accounting_MacReconnect_ExpiryDisconnect_ThenExpiredReject()
    {
        var planId = await _loop.CreatePlanAsync(TimeSpan.FromHours(1), "2M/5M");
        var code = await _loop.ActivateAsync(planId);

        var login = await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone));

        login.Accepted.Should().BeTrue(string.Join(", ", login.ReplyMessages));
        login.SessionTimeout.Should().BeLessThanOrEqualTo(3600u).And.Be(3600u);
        login.Reply!.GetString(Mikrotik.VendorId, MikrotikAttributeType.RateLimit).Should().Be("2M/5M");
        login.Reply.GetUInt32(RadiusAttributeType.AcctInterimInterval).Should().Be(300u);
        var first = login.Session!;

        _loop.Mikrotik.AddTraffic(first, 300_000, 2_700_000);
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(5));
        var open = (await _loop.OpenSessionsAsync()).EnumerateArray().Should().ContainSingle().Subject;
        open.GetProperty("sessionSeconds").GetInt64().Should().Be(300, "the interim at 5 minutes was recorded");
        open.GetProperty("outputBytes").GetInt64().Should().Be(2_700_000);

        await _loop.Mikrotik.LogoutAsync(first);
        await _loop.WaitUntilNoOpenSessionsAsync();
        var used = await _loop.VoucherAsync(code);
        used.GetProperty("status").GetString().Should().Be("active");
        used.GetProperty("usedSeconds").GetInt64().Should().Be(300);
        used.GetProperty("usedBytes").GetInt64().Should().Be(3_000_000);

        await _loop.AdvanceAsync(TimeSpan.FromMinutes(10));
        var byMac = await _loop.Mikrotik.LoginAsync(HotspotLogin.MacLogin(Phone));
        byMac.Accepted.Should().BeTrue("the paid device reconnects without retyping the code");
        byMac.SessionTimeout.Should().Be(2700u, "15 of the 60 minutes are gone");

        await _loop.AdvanceAsync(TimeSpan.FromMinutes(44));
        byMac.Session!.IsActive.Should().BeTrue();
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(1));

        var disconnect = await _loop.Mikrotik.WaitForEventAsync(e => e.Kind == HotspotEventKind.DisconnectReceived, what: "the expiry Disconnect-Request");
        disconnect.Answer.Should().Be(RadiusCode.DisconnectAck);
        disconnect.Packet!.GetString(RadiusAttributeType.AcctSessionId).Should().Be(byMac.Session.AcctSessionId);
        disconnect.Packet.GetIPAddress(RadiusAttributeType.FramedIpAddress).Should().Be(byMac.Session.FramedIpAddress);
        (await byMac.Session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        await _loop.WaitUntilNoOpenSessionsAsync();

        var expired = await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone));
        expired.Accepted.Should().BeFalse();
        expired.ReplyMessages.Should().Equal("This voucher has expired. Please buy a new plan.");
        (await _loop.VoucherAsync(code)).GetProperty("status").GetString().Should().Be("expired");
    }

    [Fact]
    public async Task SecondDeviceOnAOneDeviceVoucher_IsRejectedWithItsMessage()
    {
        var code = await _loop.ActivateAsync(await _loop.CreatePlanAsync(TimeSpan.FromHours(1)));
        (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone))).Accepted.Should().BeTrue();

        var second = await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Laptop));

        second.Reply!.Code.Should().Be(RadiusCode.AccessReject);
        second.ReplyMessages.Should().Equal("This voucher is already in use on another device.");
    }

    [Fact]
    public async Task Revoke_DisconnectsTheOpenSessionAtOnce()
    {
        var code = await _loop.ActivateAsync(await _loop.CreatePlanAsync(TimeSpan.FromHours(4)));
        var session = (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone))).Session!;

        (await _loop.Admin.PostAsync($"/api/admin/vouchers/{code}/revoke", null)).EnsureSuccessStatusCode();

        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        await _loop.WaitUntilNoOpenSessionsAsync();
        (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone))).ReplyMessages
            .Should().Equal("This voucher has been cancelled. Please ask the attendant for help.");
    }

    [Fact]
    public async Task DataCap_GrantsTotalLimit_AndDisconnectsWhenUsedUp()
    {
        var code = await _loop.ActivateAsync(await _loop.CreatePlanAsync(TimeSpan.FromHours(24), dataCapBytes: 5_000_000_000));

        var login = await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone));

        login.Reply!.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit).Should().Be((uint)(5_000_000_000 % (1L << 32)));
        login.Reply.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimitGigawords).Should().Be(1u);
        var session = login.Session!;
        _loop.Mikrotik.AddTraffic(session, 1_000_000_000, 4_000_000_000);
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(5));

        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        (await _loop.VoucherAsync(code)).GetProperty("remainingBytes").GetInt64().Should().Be(0);
        (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone))).ReplyMessages
            .Should().Equal("This voucher has used all its data. Please buy a new plan.");
    }

    [Fact]
    public async Task Extend_SendsACoaWithTheNewSessionTimeout()
    {
        var code = await _loop.ActivateAsync(await _loop.CreatePlanAsync(TimeSpan.FromHours(1)));
        var session = (await _loop.Mikrotik.LoginAsync(HotspotLogin.Chap(code, Phone))).Session!;
        await _loop.AdvanceAsync(TimeSpan.FromMinutes(20));

        (await _loop.Admin.PostJsonAsync($"/api/admin/vouchers/{code}/extend", new { minutes = 60 })).EnsureSuccessStatusCode();

        var coa = await _loop.Mikrotik.WaitForEventAsync(e => e.Kind == HotspotEventKind.CoaReceived, what: "the CoA-Request");
        coa.Answer.Should().Be(RadiusCode.CoaAck);
        coa.Packet!.GetUInt32(RadiusAttributeType.SessionTimeout).Should().Be(7200u, "20 minutes in, 100 minutes left");
        session.SessionTimeout.Should().Be(7200u);
        (await _loop.VoucherAsync(code)).GetProperty("remainingSeconds").GetInt64().Should().Be(6000);
    }
}
