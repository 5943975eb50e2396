namespace WifiBilling.Portal.Contracts.Dashboard;

/// <summary>Routers registered, and how many of them RADIUS answers (enabled).</summary>
public sealed record DashboardRouters(int Total, int Enabled);
