using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Tests.Domain;

/// <summary>Plans and clocks the domain and store tests share.</summary>
internal static class TestPlans
{
    /// <summary>A whole-second UTC instant, so times survive every store's precision.</summary>
    public static readonly DateTimeOffset Start = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    public static PlanSnapshot Validity(
        TimeSpan? duration = null,
        int deviceLimit = 1,
        long? dataCapBytes = null,
        string[]? allowedRouterIds = null,
        long priceKes = 20) =>
        Plan.Create(
                "pln_validity",
                new PlanDefinition("1 Hour", priceKes, duration ?? TimeSpan.FromHours(1), PlanMode.Validity, "2M/5M", dataCapBytes, deviceLimit, AllowedRouterIds: allowedRouterIds),
                Start)
            .Snapshot();

    public static PlanSnapshot Uptime(TimeSpan? duration = null, int deviceLimit = 1) =>
        Plan.Create("pln_uptime", new PlanDefinition("2 Hours uptime", 30, duration ?? TimeSpan.FromHours(2), PlanMode.Uptime, DeviceLimit: deviceLimit), Start)
            .Snapshot();
}
