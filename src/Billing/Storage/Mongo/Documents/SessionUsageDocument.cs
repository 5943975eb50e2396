using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>One session's cumulative usage as charged to a voucher; only ever raised with <c>$max</c>.</summary>
public sealed class SessionUsageDocument
{
    [BsonElement("s")]
    public long Seconds { get; set; }

    [BsonElement("b")]
    public long Bytes { get; set; }
}
