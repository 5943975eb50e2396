namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The <see cref="PaymentStoreContract{TBackend}"/> contract run against SQLite.</summary>
public sealed class SqlitePaymentStoreTests : PaymentStoreContract<SqliteBackend>;
