using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Loads the router registry before the RADIUS server starts (in <see cref="IHostedLifecycleService.StartingAsync"/>,
/// after the store is migrated) and then polls the store's router change version, so a router added, changed or
/// disabled by any instance takes effect here within <see cref="HotspotOptions.RegistryRefreshInterval"/>.
/// </summary>
public sealed partial class RouterRegistryRefresher(
    RouterRegistry registry,
    IOptions<HotspotOptions> options,
    TimeProvider time,
    ILogger<RouterRegistryRefresher> logger) : BackgroundService, IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => registry.RefreshAsync(cancellationToken);

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RegistryRefreshInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await registry.RefreshIfChangedAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The last snapshot keeps serving; the next tick tries again.
                    LogRefreshFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Router registry refresh failed; keeping the previous routers")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
