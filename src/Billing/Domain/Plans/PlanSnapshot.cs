namespace WifiBilling.Billing.Domain.Plans;

/// <summary>
/// A plan's terms frozen at the moment of sale. Vouchers and payments keep it, so changing or deleting a plan
/// never changes what a customer already bought.
/// </summary>
public sealed record PlanSnapshot(
    string PlanId,
    string Name,
    long PriceKes,
    TimeSpan Duration,
    PlanMode Mode,
    RateLimit? RateLimit,
    long? DataCapBytes,
    int DeviceLimit,
    IReadOnlyList<string> AllowedRouterIds)
{
    /// <summary>An empty list means the plan may be used on every router.</summary>
    public bool AllowsRouter(string? routerId) =>
        AllowedRouterIds.Count == 0 || (routerId is not null && AllowedRouterIds.Contains(routerId, StringComparer.Ordinal));

    /// <summary>Records compare lists by reference; compare the router ids by value too.</summary>
    public bool Equals(PlanSnapshot? other) =>
        other is not null
        && PlanId == other.PlanId
        && Name == other.Name
        && PriceKes == other.PriceKes
        && Duration == other.Duration
        && Mode == other.Mode
        && RateLimit == other.RateLimit
        && DataCapBytes == other.DataCapBytes
        && DeviceLimit == other.DeviceLimit
        && AllowedRouterIds.SequenceEqual(other.AllowedRouterIds, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(PlanId, Name, PriceKes, Duration, Mode);
}
