using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Diagnostics;
using WifiBilling.Radius.Dictionary;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius;

/// <summary>
/// Registers the RADIUS server and CoA client. The caller registers <see cref="IAccessRequestHandler"/>,
/// <see cref="IAccountingRequestHandler"/> and <see cref="IRadiusClientRegistry"/> (billing); until it does, an empty
/// <see cref="InMemoryRadiusClientRegistry"/> makes the server drop every request as from an unknown client.
/// </summary>
public static class RadiusServiceCollectionExtensions
{
    /// <summary>Binds section "Radius" of <paramref name="configuration"/> (validated at start) and adds the server.</summary>
    public static IServiceCollection AddRadiusServer(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddRadiusServer(options => configuration.GetSection(RadiusServerOptions.SectionName).Bind(options));
    }

    /// <summary>Adds the server with options set in code (validated at start).</summary>
    public static IServiceCollection AddRadiusServer(this IServiceCollection services, Action<RadiusServerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<RadiusServerOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RadiusServerOptions>, RadiusServerOptionsValidator>());
        AddShared(services);
        services.TryAddSingleton<IRadiusClientRegistry, InMemoryRadiusClientRegistry>();
        services.TryAddSingleton<RadiusServer>();
        services.AddHostedService(provider => provider.GetRequiredService<RadiusServer>());
        return services;
    }

    /// <summary>Adds <see cref="IRadiusCoaClient"/>, bound to section "Radius:Coa" when <paramref name="configuration"/> is given.</summary>
    public static IServiceCollection AddRadiusCoaClient(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RadiusCoaClientOptions>();
        if (configuration is not null)
        {
            options.Configure(o => configuration.GetSection(RadiusCoaClientOptions.SectionName).Bind(o));
        }

        options.ValidateDataAnnotations().ValidateOnStart();
        AddShared(services);
        services.TryAddSingleton<RadiusCoaClient>();
        services.TryAddSingleton<IRadiusCoaClient>(provider => provider.GetRequiredService<RadiusCoaClient>());
        return services;
    }

    private static void AddShared(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => RadiusDictionary.Default);
        // Hosts register IMeterFactory (Host.CreateApplicationBuilder, WebApplication); without one the meter stands alone.
        services.TryAddSingleton(provider => provider.GetService<IMeterFactory>() is { } factory ? new RadiusMetrics(factory) : new RadiusMetrics());
    }
}
