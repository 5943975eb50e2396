using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Storage;

/// <summary>
/// Prepares the store before anything else starts: runs in <see cref="IHostedLifecycleService.StartingAsync"/>,
/// which the host awaits before any hosted service's StartAsync, so RADIUS never answers from an unmigrated store.
/// </summary>
public sealed class BillingStorageInitializer(
    IBillingStoreSchema schema,
    IPlanStore plans,
    IOptions<PlanSeedOptions> seed,
    ILogger<BillingStorageInitializer> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await schema.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var seeded = await plans.SeedIfEmptyAsync(seed.Value.ToDefinitions(), cancellationToken).ConfigureAwait(false);
        if (seeded > 0)
        {
            logger.LogInformation("Seeded {Count} plans into the empty store", seeded);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
