using System.Net;
using WifiBilling.Portal.Tests.Hotspot.Support;
using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Portal.Tests.Hotspot;

/// <summary><c>/api/admin/sessions</c>: what accounting recorded, and the operator's disconnect.</summary>
public sealed class SessionApiTests : HotspotApiTests
{
    private HotspotSimulator _mikrotik = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _mikrotik = HotspotSimulator.Start(new HotspotSimulatorOptions
        {
            AuthServer = Portal.AuthEndPoint,
            AcctServer = Portal.AcctEndPoint,
            Secret = "session-api-secret",
            CoaPort = 0,
            Clock = Portal.Clock,
        });
        await Admin.PostJsonAsync("/api/admin/routers", new { name = "Lab", address = "127.0.0.1", secret = "session-api-secret", coaPort = _mikrotik.CoaEndPoint!.Port });
    }


    public override async Task DisposeAsync()
    {
        await _mikrotik.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task List_ShowsOpenSessions_WithRouterNameAndCounters_FilteredByVoucherAndRouter()
    {
        var code = (await (await Admin.PostJsonAsync("/api/admin/activate", new { planId = "pln_seed_1" })).ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("code").GetString()!;
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(code, "BC:24:11:EB:56:4D"))).Session!;
        _mikrotik.AddTraffic(session, 1_000, 20_000);
        await _mikrotik.SendInterimAsync(session);

        var all = await (await Admin.GetAsync("/api/admin/sessions?active=true")).ShouldBeJsonAsync(HttpStatusCode.OK);

        var listed = all.EnumerateArray().Should().ContainSingle().Subject;
        listed.GetProperty("acctSessionId").GetString().Should().Be(session.AcctSessionId);
        listed.GetProperty("routerName").GetString().Should().Be("Lab");
        listed.GetProperty("voucherCode").GetString().Should().Be(code);
        listed.GetProperty("mac").GetString().Should().Be("BC:24:11:EB:56:4D");
        listed.GetProperty("ip").GetString().Should().Be(session.FramedIpAddress.ToString());
        listed.GetProperty("inputBytes").GetInt64().Should().Be(1_000);
        listed.GetProperty("outputBytes").GetInt64().Should().Be(20_000);
        listed.GetProperty("disconnect").GetProperty("state").GetString().Should().Be("none");
        var routerId = listed.GetProperty("routerId").GetString();
        (await (await Admin.GetAsync($"/api/admin/sessions?voucher={code.ToLowerInvariant()}&routerId={routerId}")).ShouldBeJsonAsync(HttpStatusCode.OK))
            .GetArrayLength().Should().Be(1);
        (await (await Admin.GetAsync("/api/admin/sessions?voucher=ZZZZZZZZZZ")).ShouldBeJsonAsync(HttpStatusCode.OK)).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Disconnect_SendsADisconnectRequest_AndAClosedSessionIsAConflict()
    {
        var code = (await (await Admin.PostJsonAsync("/api/admin/activate", new { planId = "pln_seed_1" })).ShouldBeJsonAsync(HttpStatusCode.Created))
            .GetProperty("code").GetString()!;
        var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(code, "BC:24:11:EB:56:4D"))).Session!;
        var id = (await (await Admin.GetAsync("/api/admin/sessions")).ShouldBeJsonAsync(HttpStatusCode.OK))[0].GetProperty("id").GetString();

        var accepted = await (await Admin.PostAsync($"/api/admin/sessions/{id}/disconnect", null)).ShouldBeJsonAsync(HttpStatusCode.Accepted);

        accepted.GetProperty("id").GetString().Should().Be(id);
        (await session.Ended.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(AcctTerminateCause.AdminReset);
        await Radius.Tests.Support.Poll.UntilAsync(
            () => Admin.GetAsync("/api/admin/sessions").GetAwaiter().GetResult().Content.ReadAsStringAsync().GetAwaiter().GetResult() == "[]",
            "the session is closed");
        await (await Admin.PostAsync($"/api/admin/sessions/{id}/disconnect", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ActiveFalse_ListsClosedSessions_MostRecentlyClosedFirst_UpToTheLimit()
    {
        var codes = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var code = (await (await Admin.PostJsonAsync("/api/admin/activate", new { planId = "pln_seed_1" })).ShouldBeJsonAsync(HttpStatusCode.Created))
                .GetProperty("code").GetString()!;
            var session = (await _mikrotik.LoginAsync(HotspotLogin.Chap(code, $"BC:24:11:EB:56:4{i}"))).Session!;
            Portal.Clock.Advance(TimeSpan.FromMinutes(1));
            await _mikrotik.LogoutAsync(session);
            codes.Add(code);
        }

        var open = await (await Admin.GetAsync("/api/admin/sessions")).ShouldBeJsonAsync(HttpStatusCode.OK);
        open.GetArrayLength().Should().Be(0);
        var closed = await (await Admin.GetAsync("/api/admin/sessions?active=false")).ShouldBeJsonAsync(HttpStatusCode.OK);
        closed.EnumerateArray().Select(s => s.GetProperty("voucherCode").GetString()).Should().Equal(codes[2], codes[1], codes[0]);
        closed[0].GetProperty("terminateCause").GetString().Should().Be("User-Request");
        closed[0].GetProperty("sessionSeconds").GetInt64().Should().Be(60);
        closed[0].GetProperty("stoppedAt").GetString().Should().NotBeNullOrEmpty();

        var limited = await (await Admin.GetAsync("/api/admin/sessions?active=false&limit=2")).ShouldBeJsonAsync(HttpStatusCode.OK);
        limited.GetArrayLength().Should().Be(2);
        var ofOneVoucher = await (await Admin.GetAsync($"/api/admin/sessions?active=false&voucher={codes[1]}")).ShouldBeJsonAsync(HttpStatusCode.OK);
        ofOneVoucher.EnumerateArray().Should().ContainSingle().Which.GetProperty("voucherCode").GetString().Should().Be(codes[1]);
    }

    [Fact]
    public async Task UnknownSession_IsNotFound_AndBadFiltersAreProblems()
    {
        await (await Admin.PostAsync("/api/admin/sessions/ses_nope/disconnect", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await (await Admin.GetAsync("/api/admin/sessions?active=maybe")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "active");
        await (await Admin.GetAsync("/api/admin/sessions?active=false&limit=0")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await Admin.GetAsync("/api/admin/sessions?active=false&limit=1001")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "limit");
    }
}
