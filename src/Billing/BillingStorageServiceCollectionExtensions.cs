using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using MongoDB.Driver;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Routers;
using WifiBilling.Billing.Storage;
using WifiBilling.Billing.Storage.Mongo;
using WifiBilling.Billing.Storage.Sqlite;

namespace WifiBilling.Billing;

public static class BillingStorageServiceCollectionExtensions
{
    /// <summary>The seed's variable: when set, MongoDB is the store; otherwise SQLite.</summary>
    public const string MongoUriKey = "MONGO_URI";

    /// <summary>
    /// Registers the billing stores (<see cref="IPlanStore"/>, <see cref="IRouterStore"/>, <see cref="IVoucherStore"/>,
    /// <see cref="IPaymentStore"/>, <see cref="ISessionStore"/>, <see cref="IBillingStoreHealth"/>): MongoDB when
    /// <c>MONGO_URI</c> is set, else SQLite at <c>Storage:Sqlite:Path</c>. At start, before any other hosted service,
    /// the schema is migrated (or indexes created) and the default plans seeded into an empty store. Also registers
    /// <see cref="TimeProvider.System"/> if no clock is registered, Data Protection for router secrets, and the
    /// <c>billing-store</c> health check. Options are validated at start; a bad setting names its key.
    /// </summary>
    public static IServiceCollection AddBillingStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IVoucherCodeGenerator>(_ => new VoucherCodeGenerator());
        services.AddOptions<PlanSeedOptions>()
            .BindConfiguration(PlanSeedOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DataProtectionStorageOptions>().BindConfiguration(DataProtectionStorageOptions.SectionName);

        var dataProtection = services.AddDataProtection().SetApplicationName("WifiBilling");
        services.TryAddSingleton<IRouterSecretProtector, DataProtectionRouterSecretProtector>();

        var mongoUri = configuration[MongoUriKey];
        if (string.IsNullOrWhiteSpace(mongoUri))
        {
            AddSqlite(services, configuration, dataProtection);
        }
        else
        {
            AddMongo(services, configuration, dataProtection, mongoUri);
        }

        services.AddHostedService<BillingStorageInitializer>();
        services.AddHealthChecks().AddCheck<BillingStoreHealthCheck>("billing-store");
        return services;
    }

    private static void AddSqlite(IServiceCollection services, IConfiguration configuration, IDataProtectionBuilder dataProtection)
    {
        services.AddSingleton<IValidateOptions<SqliteStorageOptions>, SqliteStorageOptionsValidator>();
        services.AddOptions<SqliteStorageOptions>().BindConfiguration(SqliteStorageOptions.SectionName).ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IBillingStoreSchema, SqliteStoreSchema>();
        services.AddSingleton<IBillingStoreHealth, SqliteStoreHealth>();
        services.AddSingleton<IPlanStore, SqlitePlanStore>();
        services.AddSingleton<IRouterStore, SqliteRouterStore>();
        services.AddSingleton<IVoucherStore, SqliteVoucherStore>();
        services.AddSingleton<IPaymentStore, SqlitePaymentStore>();
        services.AddSingleton<ISessionStore, SqliteSessionStore>();

        var keysPath = KeysPath(configuration) ?? SqliteKeysPath(configuration);
        if (keysPath is not null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
    }

    private static void AddMongo(IServiceCollection services, IConfiguration configuration, IDataProtectionBuilder dataProtection, string mongoUri)
    {
        services.AddOptions<MongoStorageOptions>()
            .BindConfiguration(MongoStorageOptions.SectionName)
            .Validate(_ => IsMongoUri(mongoUri), $"{MongoUriKey} is not a valid MongoDB connection string (mongodb://host/database).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.Database), $"{MongoStorageOptions.SectionName}:Database must not be empty.")
            .ValidateOnStart();

        // One client per process: it is thread-safe and owns the connection pool. Reading the options first runs
        // their validation, so a bad MONGO_URI fails with a message naming it, whoever resolves the client first.
        services.AddSingleton<IMongoClient>(sp =>
        {
            _ = sp.GetRequiredService<IOptions<MongoStorageOptions>>().Value;
            return new MongoClient(MongoContext.ClientSettings(mongoUri));
        });
        services.AddSingleton(sp =>
        {
            var database = MongoContext.DatabaseName(mongoUri, sp.GetRequiredService<IOptions<MongoStorageOptions>>().Value.Database);
            return new MongoContext(sp.GetRequiredService<IMongoClient>().GetDatabase(database));
        });
        services.AddSingleton<IBillingStoreSchema, MongoStoreSchema>();
        services.AddSingleton<IBillingStoreHealth, MongoStoreHealth>();
        services.AddSingleton<IPlanStore, MongoPlanStore>();
        services.AddSingleton<IRouterStore, MongoRouterStore>();
        services.AddSingleton<IVoucherStore, MongoVoucherStore>();
        services.AddSingleton<IPaymentStore, MongoPaymentStore>();
        services.AddSingleton<ISessionStore, MongoSessionStore>();

        var keysPath = KeysPath(configuration);
        if (keysPath is not null)
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysPath));
        }
        else
        {
            // Several instances share one MongoDB, so they must share the key ring too: keep it there.
            services.AddOptions<KeyManagementOptions>()
                .Configure<MongoContext>((options, context) => options.XmlRepository = new MongoXmlRepository(context));
        }
    }

    private static bool IsMongoUri(string uri)
    {
        try
        {
            _ = MongoUrl.Create(uri);
            return true;
        }
        catch (Exception ex) when (ex is MongoConfigurationException or ArgumentException or FormatException)
        {
            return false;
        }
    }

    private static string? KeysPath(IConfiguration configuration)
    {
        var configured = configuration[DataProtectionStorageOptions.SectionName + ":KeysPath"];
        return string.IsNullOrWhiteSpace(configured) ? null : configured;
    }

    /// <summary><c>&lt;folder of the database file&gt;/keys</c>; null when the path is unusable (start-up validation reports it).</summary>
    private static string? SqliteKeysPath(IConfiguration configuration)
    {
        var databasePath = configuration[SqliteStorageOptions.SectionName + ":Path"];
        try
        {
            var fullPath = Path.GetFullPath(string.IsNullOrWhiteSpace(databasePath) ? new SqliteStorageOptions().Path : databasePath);
            var folder = Path.GetDirectoryName(fullPath);
            return folder is null ? null : Path.Combine(folder, "keys");
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }
}
