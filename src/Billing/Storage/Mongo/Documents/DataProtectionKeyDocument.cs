using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

/// <summary>One Data Protection key (XML), shared by every instance through the database.</summary>
public sealed class DataProtectionKeyDocument
{
    [BsonId]
    public ObjectId Id { get; set; }

    [BsonElement("friendly_name")]
    public string? FriendlyName { get; set; }

    [BsonElement("xml")]
    public string Xml { get; set; } = string.Empty;
}
