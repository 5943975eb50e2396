using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>A raw Daraja callback/query body kept for audit (append-only collection).</summary>
public sealed class PaymentPayloadDocument
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("payment_id")]
    public string PaymentId { get; set; } = string.Empty;

    [BsonElement("kind")]
    public string Kind { get; set; } = string.Empty;

    [BsonElement("received_at")]
    public DateTime ReceivedAt { get; set; }

    [BsonElement("payload")]
    public string Payload { get; set; } = string.Empty;
}
