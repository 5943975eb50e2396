using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Payments;
using WifiBilling.Billing.Payments.C2B;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Checkout;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Diagnostics;
using WifiBilling.Billing.Payments.Reconciliation;
using WifiBilling.Billing.Payments.Recovery;
using WifiBilling.Billing.Payments.Status;

namespace WifiBilling.Billing;

public static class PaymentsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the M-Pesa payment flow: <see cref="PaymentCheckout"/> (pay), <see cref="StkCallbackHandler"/>,
    /// <see cref="C2BNotificationHandler"/>, <see cref="PaymentStatusReader"/>, <see cref="PaymentRecovery"/>, the
    /// <see cref="PaymentReconciler"/> and <see cref="C2BUrlRegistrar"/> background services, the callback key and
    /// URLs, and metrics. Also the Daraja client (<see cref="DarajaServiceCollectionExtensions.AddDarajaClient"/>) when
    /// it is not registered yet. Needs the billing stores (<c>AddBillingStorage</c>). Options (section <c>Payments</c>,
    /// MPESA_CALLBACK_KEY, Portal:DataDirectory) are validated at start.
    /// </summary>
    public static IServiceCollection AddPayments(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (!services.Any(d => d.ServiceType == typeof(IDarajaClient)))
        {
            services.AddDarajaClient(configuration);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddOptions<PaymentsOptions>()
            .Configure(options => BindPaymentsOptions(configuration, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PaymentsOptions>, PaymentsOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DarajaOptions>, PaymentsDarajaOptionsValidator>());

        services.TryAddSingleton<PaymentMetrics>();
        services.TryAddSingleton<PaymentCallbackKey>();
        services.TryAddSingleton<IPaymentCallbackBaseUrl, ConfiguredPaymentCallbackBaseUrl>();
        services.TryAddSingleton<PaymentCallbackUrls>();
        services.TryAddSingleton<InFlightPushes>();
        services.TryAddSingleton<PhoneLocks>();
        services.TryAddSingleton<PushLimitGuard>();
        services.TryAddSingleton<PaymentVoucherMinter>();
        services.TryAddSingleton<StkCallbackHandler>();
        services.TryAddSingleton<C2BNotificationHandler>();
        services.TryAddSingleton<PaymentStatusReader>();
        services.TryAddSingleton<AttemptLimiter>();
        services.TryAddSingleton<PaymentRecovery>();

        // Uses the typed Daraja client, which is transient (its HttpClient comes from the factory).
        services.TryAddTransient<PaymentCheckout>();

        services.TryAddSingleton<PaymentReconciler>();
        services.AddHostedService(provider => provider.GetRequiredService<PaymentReconciler>());
        services.AddHostedService<C2BUrlRegistrar>();
        return services;
    }

    /// <summary>
    /// True when Daraja credentials are configured (MPESA_CONSUMER_KEY + MPESA_CONSUMER_SECRET or the Daraja section);
    /// false means the host should run the built-in Daraja simulator (demo mode).
    /// </summary>
    public static bool IsDarajaConfigured(IConfiguration configuration)
    {
        var options = new DarajaOptions();
        DarajaServiceCollectionExtensions.BindDarajaOptions(configuration, options);
        return options.IsConfigured;
    }

    private static void BindPaymentsOptions(IConfiguration configuration, PaymentsOptions options)
    {
        configuration.GetSection(PaymentsOptions.SectionName).Bind(options);
        var key = configuration[PaymentsOptions.CallbackKeyVariable];
        if (!string.IsNullOrWhiteSpace(key))
        {
            options.CallbackKey = key.Trim();
        }

        options.DataDirectory = configuration["Portal:DataDirectory"] is { Length: > 0 } dataDirectory ? dataDirectory : options.DataDirectory;
        options.SharedStore = !string.IsNullOrWhiteSpace(configuration[BillingStorageServiceCollectionExtensions.MongoUriKey]);
    }
}
