namespace WifiBilling.Billing.Domain.Plans;

/// <summary>
/// What an operator sets on a plan (create or replace). <see cref="RateLimit"/> is the RouterOS string
/// (<c>upload/download</c>, e.g. <c>2M/5M</c>); <see cref="AllowedRouterIds"/> empty or null means every router.
/// </summary>
public sealed record PlanDefinition(
    string Name,
    long PriceKes,
    TimeSpan Duration,
    PlanMode Mode = PlanMode.Validity,
    string? RateLimit = null,
    long? DataCapBytes = null,
    int DeviceLimit = 1,
    bool Active = true,
    int SortOrder = 0,
    IReadOnlyList<string>? AllowedRouterIds = null)
{
    public const int MaxNameLength = 64;
    public const int MaxDeviceLimit = 64;
    public const long MaxPriceKes = 1_000_000;
    public static readonly TimeSpan MinDuration = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxDuration = TimeSpan.FromDays(366);

    /// <summary>Checks every field and returns the parsed rate limit; throws naming the first bad field.</summary>
    internal RateLimit? Validate()
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > MaxNameLength)
        {
            throw new BillingValidationException("name", $"must be 1 to {MaxNameLength} characters");
        }

        if (PriceKes is < 1 or > MaxPriceKes)
        {
            // M-Pesa's smallest payment is KES 1; prices are whole shillings.
            throw new BillingValidationException("priceKes", $"must be whole shillings from 1 to {MaxPriceKes}");
        }

        if (Duration < MinDuration || Duration > MaxDuration || Duration.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new BillingValidationException("duration", "must be whole seconds from 1 minute to 366 days");
        }

        if (!Enum.IsDefined(Mode))
        {
            throw new BillingValidationException("mode", "must be Validity or Uptime");
        }

        if (DataCapBytes is < 1)
        {
            throw new BillingValidationException("dataCapBytes", "must be a positive number of bytes, or empty for no cap");
        }

        if (DeviceLimit is < 1 or > MaxDeviceLimit)
        {
            throw new BillingValidationException("deviceLimit", $"must be from 1 to {MaxDeviceLimit}");
        }

        foreach (var routerId in AllowedRouterIds ?? [])
        {
            if (!IsWellFormedId(routerId))
            {
                throw new BillingValidationException("allowedRouterIds", "must be router ids (letters, digits, '_' or '-')");
            }
        }

        return RateLimit is null ? null : Plans.RateLimit.Parse(RateLimit);
    }

    internal static bool IsWellFormedId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
