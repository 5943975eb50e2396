namespace WifiBilling.Billing.Tests.Storage;

// The one contract suite, run against each backend. MongoDB runs only with WIFIBILLING_TEST_MONGO_URI set.
#pragma warning disable SA1402, SA1649 // Eight one-line bindings of the same suites read best side by side.
public sealed class SqlitePlanRouterStoreTests : PlanRouterStoreContract<SqliteBackend>;

public sealed class SqliteVoucherStoreTests : VoucherStoreContract<SqliteBackend>;

public sealed class SqliteVoucherCodeCollisionTests : VoucherCodeCollisionContract<SqliteBackend>;

public sealed class SqlitePaymentStoreTests : PaymentStoreContract<SqliteBackend>;

public sealed class SqliteSessionStoreTests : SessionStoreContract<SqliteBackend>;

public sealed class MongoPlanRouterStoreTests : PlanRouterStoreContract<MongoBackend>;

public sealed class MongoVoucherStoreTests : VoucherStoreContract<MongoBackend>;

public sealed class MongoVoucherCodeCollisionTests : VoucherCodeCollisionContract<MongoBackend>;

public sealed class MongoPaymentStoreTests : PaymentStoreContract<MongoBackend>;

public sealed class MongoSessionStoreTests : SessionStoreContract<MongoBackend>;
#pragma warning restore SA1402, SA1649
