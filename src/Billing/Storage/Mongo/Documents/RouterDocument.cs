using MongoDB.Bson.Serialization.Attributes;

namespace WifiBilling.Billing.Storage.Mongo.Documents;

public sealed class RouterDocument
{
    [BsonId]
    public string Id { get; set; } = string.Empty;

    [BsonElement("name")]
    public string Name { get; set; } = string.Empty;

    /// <summary>Omitted when null, so the unique partial index ignores routers without one.</summary>
    [BsonElement("nas_identifier")]
    [BsonIgnoreIfNull]
    public string? NasIdentifier { get; set; }

    [BsonElement("address")]
    [BsonIgnoreIfNull]
    public string? Address { get; set; }

    /// <summary>Data Protection ciphertext; never the secret itself.</summary>
    [BsonElement("protected_secret")]
    public string ProtectedSecret { get; set; } = string.Empty;

    [BsonElement("coa_port")]
    public int CoaPort { get; set; }

    [BsonElement("require_message_authenticator")]
    public bool RequireMessageAuthenticator { get; set; }

    [BsonElement("site")]
    public string? Site { get; set; }

    [BsonElement("enabled")]
    public bool Enabled { get; set; }

    [BsonElement("created_at")]
    public DateTime CreatedAt { get; set; }

    [BsonElement("updated_at")]
    public DateTime UpdatedAt { get; set; }

    [BsonElement("version")]
    public long Version { get; set; }
}
