using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using MongoDB.Driver;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>
/// Keeps the Data Protection key ring in MongoDB, so every instance can decrypt the router secrets any other
/// instance stored. (IXmlRepository is synchronous by design.)
/// </summary>
public sealed class MongoXmlRepository(MongoContext context) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        context.DataProtectionKeys.Find(Builders<DataProtectionKeyDocument>.Filter.Empty)
            .ToList()
            .Select(k => XElement.Parse(k.Xml))
            .ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        context.DataProtectionKeys.InsertOne(new DataProtectionKeyDocument
        {
            Id = MongoDB.Bson.ObjectId.GenerateNewId(),
            FriendlyName = friendlyName,
            Xml = element.ToString(SaveOptions.DisableFormatting),
        });
}
