using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>A named number in the <c>store_meta</c> collection (router change version, plans-seeded flag).</summary>
public sealed class CounterDocument
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("value")]
    public long Value { get; set; }
}
