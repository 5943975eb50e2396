using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts.Dashboard;
using WifiBilling.Portal.Contracts.Reports;

namespace WifiBilling.Portal.Endpoints;

/// <summary>The admin console's first screen: <c>GET /api/admin/dashboard</c>.</summary>
public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdminGroup().MapGet("/dashboard", GetDashboardAsync)
            .WithName("GetDashboard")
            .WithSummary("Today's revenue and paid payments (Kenya day), open sessions, routers and vouchers in use");
        return app;
    }

    public static async Task<Ok<DashboardResponse>> GetDashboardAsync(
        IPaymentStore payments,
        ISessionStore sessions,
        IRouterStore routers,
        IVoucherStore vouchers,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var today = KenyaCalendar.Today(time);
        var revenue = await payments.GetRevenueAsync(
            KenyaCalendar.StartOf(today), KenyaCalendar.StartOf(today.AddDays(1)), RevenueGrouping.Day, cancellationToken);
        var openSessions = await sessions.ListOpenAsync(null, null, cancellationToken);
        var allRouters = await routers.ListAsync(cancellationToken);

        return TypedResults.Ok(new DashboardResponse(
            new DashboardToday(today, revenue.Sum(l => l.AmountKes), revenue.Sum(l => l.Count)),
            openSessions.Count,
            new DashboardRouters(allRouters.Count, allRouters.Count(r => r.Enabled)),
            new DashboardVouchers(
                await CountAsync(vouchers, VoucherStatus.Active, cancellationToken),
                await CountAsync(vouchers, VoucherStatus.Unused, cancellationToken))));
    }

    /// <summary>The store's page total is a count; one row is the least a page can carry.</summary>
    private static async Task<long> CountAsync(IVoucherStore vouchers, VoucherStatus status, CancellationToken cancellationToken) =>
        (await vouchers.ListAsync(new VoucherQuery(Status: status, Limit: 1), cancellationToken)).Total;
}
