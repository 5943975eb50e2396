namespace WifiBilling.Billing.Tests.Storage;

/// <summary>The <see cref="SessionStoreContract{TBackend}"/> contract run against MongoDB (skipped unless WIFIBILLING_TEST_MONGO_URI is set).</summary>
public sealed class MongoSessionStoreTests : SessionStoreContract<MongoBackend>;
