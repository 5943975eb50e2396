using MongoDB.Bson;
using MongoDB.Driver;

namespace WifiBilling.Billing.Storage.Mongo;

/// <summary>
/// Compare-and-set for document state changes: read the document, let the domain rule decide, then write it back
/// with ONE <c>ReplaceOne</c> whose filter is <c>{_id, version: &lt;version read&gt;}</c> — the precondition "nothing
/// changed since I decided". If another instance changed it first the write matches nothing and the decision is
/// made again on the fresh document. Every writer of these collections bumps <c>version</c>, so no update is lost.
/// </summary>
internal static class MongoCas
{
    private const int MaxAttempts = 32;

    public static async Task<TDomain?> MutateAsync<TDocument, TDomain>(
        IMongoCollection<TDocument> collection,
        FilterDefinition<TDocument> find,
        Func<TDocument, TDomain> toDomain,
        Func<TDomain, long> version,
        Func<TDocument, TDomain, TDocument> toDocument,
        Func<TDocument, object> id,
        Action<TDomain> change,
        CancellationToken cancellationToken)
        where TDomain : class
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = await collection.Find(find).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return null;
            }

            var domain = toDomain(stored);
            var before = version(domain);
            change(domain);
            if (version(domain) == before)
            {
                return domain;
            }

            FilterDefinition<TDocument> precondition = new BsonDocument
            {
                { "_id", BsonValue.Create(id(stored)) },
                { "version", before },
            };
            var result = await collection.ReplaceOneAsync(precondition, toDocument(stored, domain), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (result.MatchedCount == 1)
            {
                return domain;
            }
        }

        throw new InvalidOperationException($"Gave up after {MaxAttempts} concurrent changes to one {typeof(TDomain).Name}.");
    }

    public static bool IsDuplicateKey(MongoWriteException exception) =>
        exception.WriteError?.Category == ServerErrorCategory.DuplicateKey;
}
