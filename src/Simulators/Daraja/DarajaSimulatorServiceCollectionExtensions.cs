using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WifiBilling.Simulators.Daraja;

public static class DarajaSimulatorServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Daraja simulator's services (options from the <c>DarajaSimulator</c> section, then
    /// <paramref name="configure"/>). Pair with <see cref="DarajaSimulatorEndpointRouteBuilderExtensions.MapDarajaSimulator"/>.
    /// </summary>
    public static IServiceCollection AddDarajaSimulator(this IServiceCollection services, Action<DarajaSimulatorOptions>? configure = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        var options = services.AddOptions<DarajaSimulatorOptions>().BindConfiguration(DarajaSimulatorOptions.SectionName);
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.Validate(o => !string.IsNullOrEmpty(o.ConsumerKey) && !string.IsNullOrEmpty(o.ConsumerSecret),
                "DarajaSimulator:ConsumerKey and DarajaSimulator:ConsumerSecret must not be empty.")
            .Validate(o => o.EffectiveMerchants.All(m => StkPushValidator.IsShortCode(m.ShortCode) && m.PassKey.Length > 0),
                "DarajaSimulator:Merchants need a 5-7 digit ShortCode and a PassKey each.")
            .Validate(o => o.TokenLifetime > TimeSpan.Zero && o.CallbackDelay >= TimeSpan.Zero && o.LateCallbackDelay >= TimeSpan.Zero
                    && o.DuplicateCallbackGap >= TimeSpan.Zero && o.C2BValidationTimeout > TimeSpan.Zero && o.CallbackTimeout > TimeSpan.Zero,
                "DarajaSimulator: TokenLifetime, C2BValidationTimeout and CallbackTimeout must be positive; delays must not be negative.")
            .ValidateOnStart();

        services.AddHttpClient(CallbackPoster.HttpClientName);
        services.TryAddSingleton<DarajaSimulatorState>();
        services.TryAddSingleton(provider => new CallbackPoster(
            provider.GetRequiredService<IHttpClientFactory>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(provider => new StkCallbackSender(
            provider.GetRequiredService<CallbackPoster>(),
            provider.GetRequiredService<DarajaSimulatorState>(),
            provider.GetRequiredService<ILogger<StkCallbackSender>>()));
        services.TryAddSingleton(provider => new C2BNotifier(
            provider.GetRequiredService<CallbackPoster>(),
            provider.GetRequiredService<DarajaSimulatorState>(),
            provider.GetRequiredService<ILogger<C2BNotifier>>()));
        return services;
    }

    internal static DarajaSimulatorOptions Resolve(IServiceProvider provider) =>
        provider.GetRequiredService<IOptions<DarajaSimulatorOptions>>().Value;
}
