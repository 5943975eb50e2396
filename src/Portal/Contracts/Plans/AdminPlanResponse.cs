using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Portal.Contracts.Plans;

/// <summary>
/// A plan as the operator manages it (<c>/api/admin/plans</c>): what the buy page shows plus whether it is on sale,
/// its place in the list and the routers it is limited to (empty: every router).
/// </summary>
public sealed record AdminPlanResponse(
    string Id,
    string Name,
    long Price,
    long DurationMinutes,
    PlanMode Mode,
    string? RateLimit,
    long? DataCapMb,
    int Devices,
    bool Active,
    int SortOrder,
    IReadOnlyList<string> RouterIds,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
