using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>
/// A voucher. Usage is kept as <see cref="SessionUsage"/> (per accounting session, raised with <c>$max</c>, so a
/// repeated or reordered accounting record can never count twice) plus <see cref="OtherSeconds"/>/<see cref="OtherBytes"/>
/// for usage added outside sessions. Used = other + the sum over sessions.
/// </summary>
public sealed class VoucherDocument
{
    [BsonId]
    public string Code { get; set; } = string.Empty;

    [BsonElement("plan")]
    public PlanSnapshotDocument Plan { get; set; } = new();

    [BsonElement("source")]
    public string Source { get; set; } = string.Empty;

    [BsonElement("status")]
    public string Status { get; set; } = string.Empty;

    [BsonElement("created_at")]
    public DateTime CreatedAt { get; set; }

    [BsonElement("activated_at")]
    public DateTime? ActivatedAt { get; set; }

    [BsonElement("expires_at")]
    public DateTime? ExpiresAt { get; set; }

    [BsonElement("revoked_at")]
    public DateTime? RevokedAt { get; set; }

    [BsonElement("extra_seconds")]
    public long ExtraSeconds { get; set; }

    [BsonElement("other_seconds")]
    public long OtherSeconds { get; set; }

    [BsonElement("other_bytes")]
    public long OtherBytes { get; set; }

    [BsonElement("session_usage")]
    public Dictionary<string, SessionUsageDocument> SessionUsage { get; set; } = [];

    [BsonElement("bound_macs")]
    public List<string> BoundMacs { get; set; } = [];

    [BsonElement("batch_id")]
    [BsonIgnoreIfNull]
    public string? BatchId { get; set; }

    /// <summary>Omitted when null: the unique partial index on it makes minting exactly-once.</summary>
    [BsonElement("payment_id")]
    [BsonIgnoreIfNull]
    public string? PaymentId { get; set; }

    [BsonElement("phone")]
    [BsonIgnoreIfNull]
    public string? Phone { get; set; }

    [BsonElement("note")]
    [BsonIgnoreIfNull]
    public string? Note { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }
}
