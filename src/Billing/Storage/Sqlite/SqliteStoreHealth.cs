using WifiBilling.Billing.Domain;

namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqliteStoreHealth(SqliteDatabase database) : IBillingStoreHealth
{
    public Task<bool> IsReachableAsync(CancellationToken cancellationToken) => Task.FromResult(database.IsReachable());
}
