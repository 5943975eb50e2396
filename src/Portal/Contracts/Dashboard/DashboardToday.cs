namespace WifiBilling.Portal.Contracts.Dashboard;

/// <summary>Money received today (the Kenya day <see cref="Date"/>, UTC+3): whole KES and number of paid payments.</summary>
public sealed record DashboardToday(DateOnly Date, long Revenue, long Payments);
