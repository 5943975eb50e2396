namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The <see cref="VoucherStoreContract{TBackend}"/> contract run against SQLite.</summary>
public sealed class SqliteVoucherStoreTests : VoucherStoreContract<SqliteBackend>;
