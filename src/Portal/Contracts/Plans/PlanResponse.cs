using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Portal.Contracts.Plans;

/// <summary>
/// A plan as the buy page shows it (<c>GET /api/plans</c>). <see cref="DataCapMb"/> is in decimal megabytes
/// (1 MB = 1,000,000 bytes), as data bundles are sold; null means no cap. <see cref="Devices"/> is how many devices
/// may use one voucher.
/// </summary>
public sealed record PlanResponse(
    string Id,
    string Name,
    long Price,
    long DurationMinutes,
    PlanMode Mode,
    string? RateLimit,
    long? DataCapMb,
    int Devices);
