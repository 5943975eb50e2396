using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Portal.Contracts.Plans;

/// <summary>
/// Body of <c>POST /api/admin/plans</c> and <c>PUT /api/admin/plans/{id}</c>. PUT replaces the plan's terms: an
/// optional member left out takes its default (validity mode, no rate limit, no data cap, 1 device, on sale, sort
/// order 0, every router). Every member is nullable so that a missing one is reported by name, not as an unreadable body.
/// </summary>
public sealed record PlanRequest(
    string? Name,
    long? Price,
    long? DurationMinutes,
    PlanMode? Mode = null,
    string? RateLimit = null,
    long? DataCapMb = null,
    int? Devices = null,
    bool? Active = null,
    int? SortOrder = null,
    IReadOnlyList<string>? RouterIds = null)
{
    public const long BytesPerMegabyte = 1_000_000;

    /// <summary>366 days, the longest plan the domain accepts.</summary>
    public const long MaxDurationMinutes = 366 * 24 * 60;

    /// <summary>1 TB: beyond any bundle sold, and far from overflowing bytes in a long.</summary>
    public const long MaxDataCapMb = 1_000_000;

    /// <summary>
    /// Checks the request in the API's own field names and converts it; throws <see cref="BillingValidationException"/>
    /// naming the first bad field. The domain checks again (name, rate limit grammar) when the plan is stored.
    /// </summary>
    public PlanDefinition ToDefinition()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new BillingValidationException("name", "is required");
        }

        if (Price is not { } price)
        {
            throw new BillingValidationException("price", "is required (whole Kenyan shillings)");
        }

        if (price is < 1 or > PlanDefinition.MaxPriceKes)
        {
            throw new BillingValidationException("price", $"must be whole shillings from 1 to {PlanDefinition.MaxPriceKes}");
        }

        if (DurationMinutes is not { } minutes)
        {
            throw new BillingValidationException("durationMinutes", "is required");
        }

        if (minutes is < 1 or > MaxDurationMinutes)
        {
            throw new BillingValidationException("durationMinutes", $"must be from 1 to {MaxDurationMinutes} minutes (366 days)");
        }

        if (Mode is { } mode && !Enum.IsDefined(mode))
        {
            throw new BillingValidationException("mode", "must be validity or uptime");
        }

        if (DataCapMb is < 1 or > MaxDataCapMb)
        {
            throw new BillingValidationException("dataCapMb", $"must be from 1 to {MaxDataCapMb} MB, or left out for no cap");
        }

        if (Devices is < 1 or > PlanDefinition.MaxDeviceLimit)
        {
            throw new BillingValidationException("devices", $"must be from 1 to {PlanDefinition.MaxDeviceLimit}");
        }

        return new PlanDefinition(
            Name,
            price,
            TimeSpan.FromMinutes(minutes),
            Mode ?? PlanMode.Validity,
            string.IsNullOrWhiteSpace(RateLimit) ? null : RateLimit,
            DataCapMb * BytesPerMegabyte,
            Devices ?? 1,
            Active ?? true,
            SortOrder ?? 0,
            RouterIds?.Distinct(StringComparer.Ordinal).ToArray() ?? []);
    }
}
