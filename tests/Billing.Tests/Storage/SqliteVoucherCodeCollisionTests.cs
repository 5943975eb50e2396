namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The <see cref="VoucherCodeCollisionContract{TBackend}"/> contract run against SQLite.</summary>
public sealed class SqliteVoucherCodeCollisionTests : VoucherCodeCollisionContract<SqliteBackend>;
