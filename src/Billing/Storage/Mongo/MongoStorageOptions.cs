namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>
/// Configuration section <c>Storage:Mongo</c>. The connection string is the seed's <c>MONGO_URI</c>; the database is
/// the one named in the URI path, else <see cref="Database"/>.
/// </summary>
public sealed class MongoStorageOptions
{
    public const string SectionName = "Storage:Mongo";

    public string Database { get; set; } = "wifibilling";
}
