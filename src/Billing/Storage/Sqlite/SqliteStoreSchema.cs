namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqliteStoreSchema(SqliteDatabase database) : IBillingStoreSchema
{
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        database.Initialize();
        return Task.CompletedTask;
    }
}
