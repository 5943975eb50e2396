using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Portal.Contracts.Vouchers;

/// <summary>The plan terms a voucher was sold with (its snapshot: later plan changes do not show here).</summary>
public sealed record VoucherPlanResponse(
    string Id,
    string Name,
    long Price,
    long DurationMinutes,
    PlanMode Mode,
    string? RateLimit,
    long? DataCapMb,
    int Devices)
{
    /// <summary>Data caps are shown in megabytes of 1,000,000 bytes, as operators sell them.</summary>
    public const long BytesPerMb = 1_000_000;

    public static VoucherPlanResponse From(PlanSnapshot plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new(
            plan.PlanId,
            plan.Name,
            plan.PriceKes,
            (long)plan.Duration.TotalMinutes,
            plan.Mode,
            plan.RateLimit?.Value,
            plan.DataCapBytes / BytesPerMb,
            plan.DeviceLimit);
    }
}
