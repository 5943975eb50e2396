using MongoDB.Driver;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>
/// MongoDB from <c>WIFIBILLING_TEST_MONGO_URI</c>, a unique database per test, dropped afterwards. Without the
/// variable the tests are skipped: no MongoDB server can run on the build machine.
/// </summary>
public sealed class MongoBackend : IStoreBackend
{
    public const string UriVariable = "WIFIBILLING_TEST_MONGO_URI";

    private static readonly string? Uri = Environment.GetEnvironmentVariable(UriVariable);

    public string? SkipReason =>
        string.IsNullOrWhiteSpace(Uri)
            ? $"MongoDB contract tests skipped: set {UriVariable} to run them (no MongoDB server can run on this build machine)"
            : null;

    public Task<BillingStores> CreateAsync(TimeProvider clock, IVoucherCodeGenerator? codes)
    {
        var database = "wifibilling_test_" + Guid.NewGuid().ToString("N");
        var uri = new MongoUrlBuilder(Uri) { DatabaseName = database }.ToString();
        return BillingStores.CreateAsync(
            new Dictionary<string, string?> { ["MONGO_URI"] = uri },
            clock,
            codes,
            async () =>
            {
                using var client = new MongoClient(uri);
                await client.DropDatabaseAsync(database);
            });
    }
}
