namespace WifiBilling.Portal.Contracts.Dashboard;

/// <summary><c>GET /api/admin/dashboard</c>: the numbers an operator checks first.</summary>
public sealed record DashboardResponse(
    DashboardToday Today,
    int ActiveSessions,
    DashboardRouters Routers,
    DashboardVouchers Vouchers);
