using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>A plan: its terms (the same shape vouchers and payments embed as they were sold) plus sale settings.</summary>
public sealed class PlanDocument
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("terms")]
    public PlanSnapshotDocument Terms { get; set; } = new();

    [BsonElement("active")]
    public bool Active { get; set; }

    [BsonElement("sort_order")]
    public int SortOrder { get; set; }

    [BsonElement("created_at")]
    public DateTime CreatedAt { get; set; }

    [BsonElement("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }
}
