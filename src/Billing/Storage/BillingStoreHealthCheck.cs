using Microsoft.Extensions.Diagnostics.HealthChecks;
using WifiBilling.Billing.Domain;

namespace WifiBilling.Billing.Storage;

/// <summary>Reports the billing store in <c>/health</c> (registered as <c>billing-store</c>).</summary>
public sealed class BillingStoreHealthCheck(IBillingStoreHealth store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await store.IsReachableAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy("The billing store answers.")
            : new HealthCheckResult(context.Registration.FailureStatus, "The billing store does not answer.");
}
