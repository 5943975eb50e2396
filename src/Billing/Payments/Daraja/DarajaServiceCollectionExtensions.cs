using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace WifiBilling.Billing.Payments.Daraja;

public static class DarajaServiceCollectionExtensions
{
    /// <summary>Seed-style top-level names that win over the <c>Daraja</c> section when set (ARCHITECTURE.md "Running").</summary>
    public const string ConsumerKeyVariable = "MPESA_CONSUMER_KEY";
    public const string ConsumerSecretVariable = "MPESA_CONSUMER_SECRET";
    public const string ShortCodeVariable = "SHORTCODE";
    public const string PassKeyVariable = "PASSKEY";

    /// <summary>
    /// Registers <see cref="DarajaOptions"/> (validated on start), the token cache and the typed <see cref="DarajaClient"/>
    /// (also as <see cref="IDarajaClient"/>) with per-attempt timeouts and retries for the token GET only.
    /// </summary>
    public static IServiceCollection AddDarajaClient(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<DarajaOptions>()
            .Configure(options => BindDarajaOptions(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DarajaOptions>, DarajaOptionsValidator>());
        services.TryAddSingleton<DarajaTokenCache>();

        services.AddHttpClient<DarajaClient>((provider, client) =>
            {
                var options = provider.GetRequiredService<IOptions<DarajaOptions>>().Value;
                var baseUrl = options.BaseUrl.AbsoluteUri;
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // Per-attempt timeouts live in the pipeline below; this only stops HttpClient's own 100 s default.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddResilienceHandler("daraja", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<DarajaOptions>>().Value;

                // Network waits are real time even when tests move the domain clock with a FakeTimeProvider.
                pipeline.TimeProvider = TimeProvider.System;
                if (options.TokenRetryCount > 0)
                {
                    var retry = new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.TokenRetryCount,
                        Delay = options.TokenRetryDelay,
                        BackoffType = DelayBackoffType.Exponential,
                        UseJitter = true,
                    };

                    // POSTs (push, query, register) are never retried here: a repeated push can charge twice.
                    retry.DisableForUnsafeHttpMethods();
                    pipeline.AddRetry(retry);
                }

                pipeline.AddTimeout(new HttpTimeoutStrategyOptions
                {
                    TimeoutGenerator = args => ValueTask.FromResult(
                        args.Context.GetRequestMessage()?.Method == HttpMethod.Get ? options.TokenRequestTimeout : options.RequestTimeout),
                });
            });
        services.TryAddTransient<IDarajaClient>(provider => provider.GetRequiredService<DarajaClient>());
        return services;
    }

    internal static void BindDarajaOptions(IConfiguration configuration, DarajaOptions options)
    {
        configuration.GetSection(DarajaOptions.SectionName).Bind(options);
        options.ConsumerKey = Override(configuration[ConsumerKeyVariable], options.ConsumerKey);
        options.ConsumerSecret = Override(configuration[ConsumerSecretVariable], options.ConsumerSecret);
        options.ShortCode = Override(configuration[ShortCodeVariable], options.ShortCode);
        options.PassKey = Override(configuration[PassKeyVariable], options.PassKey);
    }

    private static string? Override(string? topLevel, string? fromSection) =>
        string.IsNullOrWhiteSpace(topLevel) ? fromSection : topLevel.Trim();
}
