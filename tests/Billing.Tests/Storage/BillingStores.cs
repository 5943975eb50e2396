using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>
/// The stores as the application gets them: built by <c>AddBillingStorage</c> from configuration, schema ready.
/// </summary>
public sealed class BillingStores : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<ValueTask> _cleanup;

    private BillingStores(ServiceProvider services, Func<ValueTask> cleanup)
    {
        _services = services;
        _cleanup = cleanup;
    }

    public IServiceProvider Services => _services;

    public IPlanStore Plans => _services.GetRequiredService<IPlanStore>();

    public IRouterStore Routers => _services.GetRequiredService<IRouterStore>();

    public IVoucherStore Vouchers => _services.GetRequiredService<IVoucherStore>();

    public IPaymentStore Payments => _services.GetRequiredService<IPaymentStore>();

    public ISessionStore Sessions => _services.GetRequiredService<ISessionStore>();

    public IBillingStoreHealth Health => _services.GetRequiredService<IBillingStoreHealth>();

    public static async Task<BillingStores> CreateAsync(
        IReadOnlyDictionary<string, string?> settings,
        TimeProvider clock,
        IVoucherCodeGenerator? codes,
        Func<ValueTask> cleanup)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(clock);
        if (codes is not null)
        {
            services.AddSingleton(codes);
        }

        services.AddBillingStorage(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<IBillingStoreSchema>().EnsureCreatedAsync(CancellationToken.None);
        return new BillingStores(provider, cleanup);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cleanup();
    }
}
