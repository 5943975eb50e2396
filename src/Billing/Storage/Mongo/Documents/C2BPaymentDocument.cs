using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

public sealed class C2BPaymentDocument
{
    /// <summary>TransID (= the M-Pesa receipt): the key that makes a repeated confirmation a no-op.</summary>
    [BsonId]
    public string TransId { get; set; } = string.Empty;

    [BsonElement("amount_kes")]
    public long AmountKes { get; set; }

    [BsonElement("bill_ref_number")]
    public string? BillRefNumber { get; set; }

    [BsonElement("msisdn")]
    public string? Msisdn { get; set; }

    [BsonElement("business_short_code")]
    public string? BusinessShortCode { get; set; }

    [BsonElement("trans_time")]
    public DateTime? TransTime { get; set; }

    [BsonElement("raw_payload")]
    public string? RawPayload { get; set; }

    [BsonElement("received_at")]
    public DateTime ReceivedAt { get; set; }

    [BsonElement("voucher_code")]
    public string? VoucherCode { get; set; }

    [BsonElement("plan_id")]
    public string? PlanId { get; set; }
}
