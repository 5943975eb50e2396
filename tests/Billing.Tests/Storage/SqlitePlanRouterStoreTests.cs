namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The <see cref="PlanRouterStoreContract{TBackend}"/> contract run against SQLite.</summary>
public sealed class SqlitePlanRouterStoreTests : PlanRouterStoreContract<SqliteBackend>;
