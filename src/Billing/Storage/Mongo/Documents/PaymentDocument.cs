using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

public sealed class PaymentDocument
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("plan")]
    public PlanSnapshotDocument Plan { get; set; } = new();

    [BsonElement("amount_kes")]
    public long AmountKes { get; set; }

    [BsonElement("phone")]
    public string Phone { get; set; } = string.Empty;

    [BsonElement("router_id")]
    public string? RouterId { get; set; }

    [BsonElement("mac")]
    [BsonIgnoreIfNull]
    public string? Mac { get; set; }

    [BsonElement("client_ip")]
    [BsonIgnoreIfNull]
    public string? ClientIp { get; set; }

    [BsonElement("checkout_request_id")]
    [BsonIgnoreIfNull]
    public string? CheckoutRequestId { get; set; }

    [BsonElement("merchant_request_id")]
    public string? MerchantRequestId { get; set; }

    [BsonElement("status")]
    public string Status { get; set; } = string.Empty;

    [BsonElement("result_code")]
    public string? ResultCode { get; set; }

    [BsonElement("result_desc")]
    public string? ResultDesc { get; set; }

    [BsonElement("mpesa_receipt")]
    [BsonIgnoreIfNull]
    public string? MpesaReceipt { get; set; }

    [BsonElement("paid_amount_kes")]
    public long? PaidAmountKes { get; set; }

    [BsonElement("voucher_code")]
    public string? VoucherCode { get; set; }

    [BsonElement("created_at")]
    public DateTime CreatedAt { get; set; }

    [BsonElement("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [BsonElement("paid_at")]
    public DateTime? PaidAt { get; set; }

    [BsonElement("next_query_at")]
    public DateTime? NextQueryAt { get; set; }

    [BsonElement("query_attempts")]
    public int QueryAttempts { get; set; }

    [BsonElement("lease_owner")]
    public string? LeaseOwner { get; set; }

    [BsonElement("lease_until")]
    public DateTime? LeaseUntil { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }
}
