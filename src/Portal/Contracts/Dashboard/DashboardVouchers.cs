namespace WifiBilling.Portal.Contracts.Dashboard;

/// <summary>Vouchers in use (activated, time left) and sold or printed but never used.</summary>
public sealed record DashboardVouchers(long Active, long Unused);
