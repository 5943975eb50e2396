using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Portal.Contracts.Dashboard;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>GET /api/admin/dashboard counts what the stores hold; "today" is the Kenya day of the app's clock.</summary>
public sealed class DashboardEndpointsTests : IDisposable
{
    // 2025-03-10 00:30 in Kenya, still 9 March in UTC: the dashboard must count by the Kenya day.
    private static readonly DateTimeOffset Now = new(2025, 3, 9, 21, 30, 0, TimeSpan.Zero);

    private readonly PortalApiFactory _portal = new(new FakeTimeProvider(Now));

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Dashboard_counts_todays_paid_money_sessions_routers_and_vouchers()
    {
        var data = _portal.Data;
        var cafe = await data.AddRouterAsync("Cafe", "cafe-1", "127.0.0.1");
        await data.AddRouterAsync("Spare", "spare-1", enabled: false);
        await data.AddPaidPaymentAsync("pln_seed_2", Now.AddMinutes(-20));                               // 00:10 EAT today
        await data.AddPaidPaymentAsync("pln_seed_3", Now.AddMinutes(-5), cafe.Id);                        // 00:25 EAT today
        await data.AddPaidPaymentAsync("pln_seed_1", new DateTimeOffset(2025, 3, 9, 20, 59, 0, TimeSpan.Zero)); // 23:59 EAT yesterday
        await data.AddCancelledPaymentAsync("pln_seed_1", Now.AddMinutes(-1));
        var online = await data.AddVoucherAsync("pln_seed_1");
        var used = await data.AddVoucherAsync("pln_seed_1");
        await data.AddVoucherAsync("pln_seed_1");
        await data.ActivateAsync(online, "AA:BB:CC:00:00:01", cafe.Id);
        await data.ActivateAsync(used, "AA:BB:CC:00:00:02", cafe.Id);
        await data.StartSessionAsync(cafe.Id, "80000001", online, "AA:BB:CC:00:00:01");
        using var admin = _portal.CreateAdminClient();

        var dashboard = await admin.GetFromJsonAsync<DashboardResponse>("/api/admin/dashboard");

        dashboard.Should().Be(new DashboardResponse(
            new DashboardToday(new DateOnly(2025, 3, 10), 130, 2),
            1,
            new DashboardRouters(2, 1),
            new DashboardVouchers(2, 4)),
            "two vouchers were activated; the spare one and the three minted for the paid payments are unused");
    }

    [Fact]
    public async Task Dashboard_of_an_empty_store_is_all_zero_and_needs_the_key()
    {
        using var admin = _portal.CreateAdminClient();
        using var anonymous = _portal.CreateClient();

        var dashboard = await admin.GetFromJsonAsync<DashboardResponse>("/api/admin/dashboard");

        dashboard.Should().Be(new DashboardResponse(new DashboardToday(new DateOnly(2025, 3, 10), 0, 0), 0, new DashboardRouters(0, 0), new DashboardVouchers(0, 0)));
        (await anonymous.GetAsync(new Uri("/api/admin/dashboard", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }
}
