using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

public sealed class PlanDocument
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("name")]
    public string Name { get; set; } = string.Empty;

    [BsonElement("price_kes")]
    public long PriceKes { get; set; }

    [BsonElement("duration_seconds")]
    public long DurationSeconds { get; set; }

    [BsonElement("mode")]
    public string Mode { get; set; } = string.Empty;

    [BsonElement("rate_limit")]
    public string? RateLimit { get; set; }

    [BsonElement("data_cap_bytes")]
    public long? DataCapBytes { get; set; }

    [BsonElement("device_limit")]
    public int DeviceLimit { get; set; }

    [BsonElement("active")]
    public bool Active { get; set; }

    [BsonElement("sort_order")]
    public int SortOrder { get; set; }

    [BsonElement("allowed_router_ids")]
    public List<string> AllowedRouterIds { get; set; } = [];

    [BsonElement("created_at")]
    public DateTime CreatedAt { get; set; }

    [BsonElement("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }
}
