namespace WifiBilling.Billing.Storage;

/// <summary>Makes the store ready: SQLite migrations, or MongoDB indexes. Idempotent.</summary>
public interface IBillingStoreSchema
{
    Task EnsureCreatedAsync(CancellationToken cancellationToken);
}
