namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The <see cref="SessionStoreContract{TBackend}"/> contract run against SQLite.</summary>
public sealed class SqliteSessionStoreTests : SessionStoreContract<SqliteBackend>;
