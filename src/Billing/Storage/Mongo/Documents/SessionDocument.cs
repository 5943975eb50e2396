using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

public sealed class SessionDocument
{
    /// <summary>Derived from router + Acct-Session-Id (see <c>BillingIds.SessionId</c>).</summary>
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("router_id")]
    public string RouterId { get; set; } = string.Empty;

    [BsonElement("acct_session_id")]
    public string AcctSessionId { get; set; } = string.Empty;

    [BsonElement("voucher_code")]
    public string? VoucherCode { get; set; }

    [BsonElement("user_name")]
    public string UserName { get; set; } = string.Empty;

    [BsonElement("mac")]
    public string? Mac { get; set; }

    [BsonElement("framed_ip")]
    public string? FramedIp { get; set; }

    [BsonElement("nas_ip")]
    public string? NasIp { get; set; }

    [BsonElement("nas_identifier")]
    public string? NasIdentifier { get; set; }

    [BsonElement("class")]
    public string? Class { get; set; }

    [BsonElement("started_at")]
    public DateTime StartedAt { get; set; }

    [BsonElement("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [BsonElement("stopped_at")]
    public DateTime? StoppedAt { get; set; }

    [BsonElement("session_seconds")]
    public long SessionSeconds { get; set; }

    [BsonElement("input_bytes")]
    public long InputBytes { get; set; }

    [BsonElement("output_bytes")]
    public long OutputBytes { get; set; }

    [BsonElement("terminate_cause")]
    public string? TerminateCause { get; set; }

    [BsonElement("disconnect_state")]
    public string DisconnectState { get; set; } = string.Empty;

    [BsonElement("disconnect_error_cause")]
    public long? DisconnectErrorCause { get; set; }

    [BsonElement("disconnect_attempts")]
    public int DisconnectAttempts { get; set; }

    [BsonElement("disconnect_owner")]
    public string? DisconnectOwner { get; set; }

    [BsonElement("disconnect_lease_until")]
    public DateTime? DisconnectLeaseUntil { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }
}
