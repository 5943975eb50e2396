using MongoDB.Driver;
using WifiBilling.Billing.Domain;

namespace WifiBilling.Billing.Storage.Mongo;

internal static class MongoPaging
{
    /// <summary>One page of <paramref name="filter"/>'s matches in <paramref name="sort"/> order, with the total count.</summary>
    public static async Task<Page<T>> ToPageAsync<TDocument, T>(
        IMongoCollection<TDocument> collection,
        FilterDefinition<TDocument> filter,
        SortDefinition<TDocument> sort,
        int offset,
        int limit,
        Func<TDocument, T> map,
        CancellationToken cancellationToken)
    {
        var total = await collection.CountDocumentsAsync(filter, cancellationToken: cancellationToken).ConfigureAwait(false);
        var items = await collection.Find(filter).Sort(sort).Skip(offset).Limit(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
        return new Page<T>(items.Select(map).ToList(), total, offset, limit);
    }
}
