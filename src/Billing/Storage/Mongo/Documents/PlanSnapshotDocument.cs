using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>A plan's terms as sold, embedded in vouchers and payments.</summary>
public sealed class PlanSnapshotDocument
{
    [BsonElement("plan_id")]
    public string PlanId { get; set; } = string.Empty;

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

    [BsonElement("allowed_router_ids")]
    public List<string> AllowedRouterIds { get; set; } = [];
}
