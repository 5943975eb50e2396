using MongoDB.Driver;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>The database and its collections, named once here. One per process, over the singleton client.</summary>
public sealed class MongoContext
{
    public MongoContext(IMongoDatabase database)
    {
        Database = database;
        Plans = database.GetCollection<PlanDocument>("plans");
        Routers = database.GetCollection<RouterDocument>("routers");
        Vouchers = database.GetCollection<VoucherDocument>("vouchers");
        Payments = database.GetCollection<PaymentDocument>("payments");
        PaymentPayloads = database.GetCollection<PaymentPayloadDocument>("payment_payloads");
        C2BPayments = database.GetCollection<C2BPaymentDocument>("c2b_payments");
        Sessions = database.GetCollection<SessionDocument>("sessions");
        Meta = database.GetCollection<CounterDocument>("store_meta");
        DataProtectionKeys = database.GetCollection<DataProtectionKeyDocument>("data_protection_keys");
    }

    public IMongoDatabase Database { get; }

    public IMongoCollection<PlanDocument> Plans { get; }

    public IMongoCollection<RouterDocument> Routers { get; }

    public IMongoCollection<VoucherDocument> Vouchers { get; }

    public IMongoCollection<PaymentDocument> Payments { get; }

    public IMongoCollection<PaymentPayloadDocument> PaymentPayloads { get; }

    public IMongoCollection<C2BPaymentDocument> C2BPayments { get; }

    public IMongoCollection<SessionDocument> Sessions { get; }

    public IMongoCollection<CounterDocument> Meta { get; }

    public IMongoCollection<DataProtectionKeyDocument> DataProtectionKeys { get; }

    /// <summary>
    /// The client settings every instance uses: writes acknowledged by a majority with journal, so an acknowledged
    /// write survives a primary's crash or power cut. Reads go to the primary with the default (local) read concern,
    /// so a compare-and-set retry or a duplicate-key loser sees the winning write at once.
    /// </summary>
    public static MongoClientSettings ClientSettings(string connectionString)
    {
        var settings = MongoClientSettings.FromConnectionString(connectionString);
        settings.WriteConcern = WriteConcern.WMajority.With(journal: true);
        settings.ReadPreference = ReadPreference.Primary;
        settings.RetryWrites = true;
        return settings;
    }

    /// <summary>The database named in the URI path, else the configured default.</summary>
    public static string DatabaseName(string connectionString, string fallback)
    {
        var fromUri = MongoUrl.Create(connectionString).DatabaseName;
        return string.IsNullOrWhiteSpace(fromUri) ? fallback : fromUri;
    }
}
