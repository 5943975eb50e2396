using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Portal.Contracts.Plans;

public static class PlanMapping
{
    public static PlanResponse ToResponse(this Plan plan) =>
        new(plan.Id, plan.Name, plan.PriceKes, DurationMinutes(plan), plan.Mode, plan.RateLimit?.Value, DataCapMb(plan), plan.DeviceLimit);

    public static AdminPlanResponse ToAdminResponse(this Plan plan) =>
        new(
            plan.Id,
            plan.Name,
            plan.PriceKes,
            DurationMinutes(plan),
            plan.Mode,
            plan.RateLimit?.Value,
            DataCapMb(plan),
            plan.DeviceLimit,
            plan.Active,
            plan.SortOrder,
            plan.AllowedRouterIds,
            Milliseconds(plan.CreatedAt),
            Milliseconds(plan.UpdatedAt));

    // Plans made through the API are whole minutes and whole MB; one set in seconds or bytes elsewhere is rounded down.
    private static long DurationMinutes(Plan plan) => (long)plan.Duration.TotalMinutes;

    // Stores keep milliseconds; an answer straight after a write shows what a later read will show.
    private static DateTimeOffset Milliseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private static long? DataCapMb(Plan plan) => plan.DataCapBytes / PlanRequest.BytesPerMegabyte;
}
