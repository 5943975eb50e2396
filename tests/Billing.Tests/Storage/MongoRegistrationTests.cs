using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Mongo;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The MongoDB wiring, checked without a server: what MONGO_URI selects, and what a bad one does.</summary>
public sealed class MongoRegistrationTests
{
    // Port 1 on loopback: nothing listens, so nothing can be reached; selection gives up after half a second.
    private const string UnreachableUri = "mongodb://127.0.0.1:1/billing_probe?serverSelectionTimeoutMS=500&connectTimeoutMS=500";

    [Fact]
    public async Task AddBillingStorage_WithMongoUri_RegistersTheMongoStoresOnTheUrisDatabase()
    {
        await using var services = Build(new Dictionary<string, string?> { ["MONGO_URI"] = UnreachableUri });

        services.GetRequiredService<IPlanStore>().Should().BeOfType<MongoPlanStore>();
        services.GetRequiredService<IRouterStore>().Should().BeOfType<MongoRouterStore>();
        services.GetRequiredService<IVoucherStore>().Should().BeOfType<MongoVoucherStore>();
        services.GetRequiredService<IPaymentStore>().Should().BeOfType<MongoPaymentStore>();
        services.GetRequiredService<ISessionStore>().Should().BeOfType<MongoSessionStore>();
        services.GetRequiredService<MongoContext>().Database.DatabaseNamespace.DatabaseName.Should().Be("billing_probe");
        services.GetRequiredService<MongoDB.Driver.IMongoClient>().Settings.WriteConcern.Journal.Should().BeTrue();
    }

    [Fact]
    public async Task AddBillingStorage_UriWithoutDatabase_UsesTheConfiguredOne()
    {
        await using var services = Build(new Dictionary<string, string?>
        {
            ["MONGO_URI"] = "mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=500",
            ["Storage:Mongo:Database"] = "hotspot_billing",
        });

        services.GetRequiredService<MongoContext>().Database.DatabaseNamespace.DatabaseName.Should().Be("hotspot_billing");
    }

    [Fact]
    public async Task Health_UnreachableServer_ReportsFalseInsteadOfThrowing()
    {
        await using var services = Build(new Dictionary<string, string?> { ["MONGO_URI"] = UnreachableUri });

        (await services.GetRequiredService<IBillingStoreHealth>().IsReachableAsync(CancellationToken.None)).Should().BeFalse();
    }

    [Fact]
    public async Task HostStart_MalformedMongoUri_StopsNamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["MONGO_URI"] = "not-a-mongo-uri" });
        builder.Services.AddBillingStorage(builder.Configuration);
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("MONGO_URI");
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddBillingStorage(configuration)
            .BuildServiceProvider();
    }
}
