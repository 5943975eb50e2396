namespace WifiBilling.Billing.Domain;

/// <summary>A cheap "is the store reachable" probe for /health and readiness checks.</summary>
public interface IBillingStoreHealth
{
    /// <summary>True when a trivial round trip to the store succeeded; never throws for an unreachable store.</summary>
    Task<bool> IsReachableAsync(CancellationToken cancellationToken);
}
