using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using WifiBilling.Billing;
using WifiBilling.Billing.Payments;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Portal.Endpoints;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// M-Pesa payments in the Portal: the Daraja client, the payment flow and its endpoints. Without Daraja credentials
/// (MPESA_CONSUMER_KEY / MPESA_CONSUMER_SECRET) the Portal runs in demo mode: the Daraja simulator is mounted at
/// <see cref="SimulatorPrefix"/>, the client talks to it with its sandbox credentials, callbacks come back to the
/// Portal's own address, and every page shows that payments are simulated (<c>GET /api/portal/info</c>).
/// </summary>
public static class PortalPaymentsExtensions
{
    public const string SimulatorPrefix = "/daraja-sim";

    public static WebApplicationBuilder AddPortalPayments(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var simulated = !PaymentsServiceCollectionExtensions.IsDarajaConfigured(builder.Configuration);
        builder.Services.AddDarajaClient(builder.Configuration);
        builder.Services.AddPayments(builder.Configuration);
        if (simulated)
        {
            AddSimulatedDaraja(builder.Services);
        }

        return builder;
    }

    /// <summary>Maps the payment, admin payment and portal-info endpoints, and the Daraja simulator in demo mode.</summary>
    public static WebApplication MapPortalPayments(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var payments = app.Services.GetRequiredService<IOptions<PaymentsOptions>>().Value;
        if (payments.Simulated)
        {
            app.MapDarajaSimulator(SimulatorPrefix);
            app.Logger.LogWarning(
                "Payments are SIMULATED: no Daraja credentials are set, so the built-in Daraja simulator at {Prefix} plays M-Pesa and no real "
                + "money moves. Set MPESA_CONSUMER_KEY, MPESA_CONSUMER_SECRET, SHORTCODE, PASSKEY and Daraja:CallbackBaseUrl for real payments",
                SimulatorPrefix);
        }

        app.MapPaymentEndpoints();
        app.MapAdminPaymentEndpoints();
        app.MapPortalInfoEndpoints();
        app.Logger.LogInformation("Payment callback key loaded from {Source}", app.Services.GetRequiredService<PaymentCallbackKey>().Source);
        return app;
    }

    private static void AddSimulatedDaraja(IServiceCollection services)
    {
        services.AddDarajaSimulator();
        services.TryAddSingleton<SimulatedDarajaAddress>();
        services.Replace(ServiceDescriptor.Singleton<IPaymentCallbackBaseUrl>(provider => provider.GetRequiredService<SimulatedDarajaAddress>()));
        services.PostConfigure<PaymentsOptions>(options =>
        {
            options.Simulated = true;

            // Local and free: register so the simulator's C2B "simulate" reaches our confirmation URL.
            options.C2B.RegisterUrlsOnStart = true;
        });
        services.PostConfigure<DarajaOptions>(options =>
        {
            options.ConsumerKey = DarajaSimulatorOptions.DefaultConsumerKey;
            options.ConsumerSecret = DarajaSimulatorOptions.DefaultConsumerSecret;
            options.ShortCode = DarajaSimulatorOptions.SandboxShortCode;
            options.PassKey = DarajaSimulatorOptions.SandboxPassKey;
            options.Environment = DarajaEnvironment.Sandbox;
            options.TransactionType = DarajaTransactionType.PayBill;
        });

        // The typed client's name is its type name; this runs after AddDarajaClient's own configuration, at each
        // client creation, i.e. once the server is listening and its address is known.
        services.AddHttpClient(nameof(DarajaClient))
            .ConfigureHttpClient((provider, client) => client.BaseAddress = provider.GetRequiredService<SimulatedDarajaAddress>().DarajaBaseAddress);
    }
}
