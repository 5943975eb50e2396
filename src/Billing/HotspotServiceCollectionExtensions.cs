using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Radius.Server;

namespace WifiBilling.Billing;

public static class HotspotServiceCollectionExtensions
{
    /// <summary>
    /// The hotspot AAA policy and its background jobs: the router registry (replaces any <see cref="IRadiusClientRegistry"/>),
    /// the access and accounting handlers, the expiry scheduler, the Disconnect/CoA worker, the stale-session sweeper
    /// and <see cref="VoucherControlService"/>; options from section <c>Hotspot</c>, validated at start. The caller
    /// registers the billing stores (<c>AddBillingStorage</c>), the RADIUS server and the CoA client.
    /// </summary>
    public static IServiceCollection AddHotspot(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HotspotOptions>()
            .Bind(configuration.GetSection(HotspotOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.MaxRejectDelay >= o.RejectDelay, "Hotspot:MaxRejectDelay must not be shorter than Hotspot:RejectDelay.")
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => provider.GetService<IMeterFactory>() is { } factory ? new HotspotMetrics(factory) : new HotspotMetrics());
        services.TryAddSingleton<RouterRegistry>();
        services.Replace(ServiceDescriptor.Singleton<IRadiusClientRegistry>(provider => provider.GetRequiredService<RouterRegistry>()));
        services.TryAddSingleton<HotspotReplyMessages>();
        services.TryAddSingleton<BruteForceThrottle>();
        services.TryAddSingleton<NasRebootDetector>();
        services.TryAddSingleton<IAccessRequestHandler, HotspotAccessHandler>();
        services.TryAddSingleton<IAccountingRequestHandler, HotspotAccountingHandler>();

        services.TryAddSingleton<SessionCommandQueue>();
        services.TryAddSingleton<SessionCoaSender>();
        services.TryAddSingleton<SessionDisconnector>();
        services.TryAddSingleton<SessionTimeoutUpdater>();
        services.TryAddSingleton<VoucherExpiryScheduler>();
        services.TryAddSingleton<SessionCommandWorker>();
        services.TryAddSingleton<StaleSessionSweeper>();
        services.TryAddSingleton<RouterRegistryRefresher>();
        services.TryAddSingleton<VoucherControlService>();

        services.AddHostedService(provider => provider.GetRequiredService<RouterRegistryRefresher>());
        services.AddHostedService(provider => provider.GetRequiredService<VoucherExpiryScheduler>());
        services.AddHostedService(provider => provider.GetRequiredService<SessionCommandWorker>());
        services.AddHostedService(provider => provider.GetRequiredService<StaleSessionSweeper>());
        return services;
    }
}
