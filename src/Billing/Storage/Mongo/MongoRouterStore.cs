using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using MongoDB.Driver;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

public sealed class MongoRouterStore(
    MongoContext context,
    IRouterSecretProtector secrets,
    TimeProvider time,
    ILogger<MongoRouterStore> logger) : IRouterStore
{
    private const string VersionCounter = "routers_version";

    private static readonly FilterDefinitionBuilder<RouterDocument> Filter = Builders<RouterDocument>.Filter;

    public async Task<Router> CreateAsync(RouterDefinition definition, string sharedSecret, CancellationToken cancellationToken)
    {
        RouterDefinition.ValidateSecret(sharedSecret);
        var router = Router.Create(BillingIds.NewRouterId(), definition, time.GetUtcNow());
        await EnsureUniqueAsync(router, cancellationToken).ConfigureAwait(false);
        await WriteUniqueAsync(
            router,
            () => context.Routers.InsertOneAsync(MongoMapping.ToDocument(router, secrets.Protect(sharedSecret)), cancellationToken: cancellationToken),
            cancellationToken).ConfigureAwait(false);
        await BumpVersionAsync(cancellationToken).ConfigureAwait(false);
        return router;
    }

    public async Task<Router?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var document = await context.Routers.Find(Filter.Eq(d => d.Id, id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoMapping.ToDomain(document);
    }

    public async Task<IReadOnlyList<Router>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = await context.Routers.Find(Filter.Empty)
            .Sort(Builders<RouterDocument>.Sort.Ascending(d => d.Name).Ascending(d => d.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain).ToList();
    }

    public async Task<Router?> UpdateAsync(string id, RouterDefinition definition, string? newSharedSecret, CancellationToken cancellationToken)
    {
        if (newSharedSecret is not null)
        {
            RouterDefinition.ValidateSecret(newSharedSecret);
        }

        var protectedSecret = newSharedSecret is null ? null : secrets.Protect(newSharedSecret);
        var now = time.GetUtcNow();
        var candidate = Router.Create(id, definition, now); // validated and normalised, for the uniqueness check
        await EnsureUniqueAsync(candidate, cancellationToken).ConfigureAwait(false);

        Router? updated = null;
        await WriteUniqueAsync(
            candidate,
            async () => updated = await MongoCas.MutateAsync(
                context.Routers,
                Filter.Eq(d => d.Id, id),
                MongoMapping.ToDomain,
                r => r.Version,
                (stored, router) => MongoMapping.ToDocument(router, protectedSecret ?? stored.ProtectedSecret),
                d => d.Id,
                r => r.Redefine(definition, now),
                cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        if (updated is not null)
        {
            await BumpVersionAsync(cancellationToken).ConfigureAwait(false);
        }

        return updated;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var deleted = (await context.Routers.DeleteOneAsync(Filter.Eq(d => d.Id, id), cancellationToken).ConfigureAwait(false)).DeletedCount == 1;
        if (deleted)
        {
            await BumpVersionAsync(cancellationToken).ConfigureAwait(false);
        }

        return deleted;
    }

    public async Task<long> GetChangeVersionAsync(CancellationToken cancellationToken)
    {
        var counter = await context.Meta.Find(Builders<CounterDocument>.Filter.Eq(d => d.Id, VersionCounter))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return counter?.Value ?? 0;
    }

    public async Task<RouterRegistrySnapshot> GetRegistrySnapshotAsync(CancellationToken cancellationToken)
    {
        // Version first, rows second: a change in between gives rows newer than the version, so the registry's next
        // poll sees a new version and reloads; it can never keep rows older than the version it recorded.
        var version = await GetChangeVersionAsync(cancellationToken).ConfigureAwait(false);
        var documents = await context.Routers.Find(Filter.Eq(d => d.Enabled, true))
            .Sort(Builders<RouterDocument>.Sort.Ascending(d => d.Id))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var routers = new List<RouterCredentials>(documents.Count);
        foreach (var document in documents)
        {
            try
            {
                routers.Add(new RouterCredentials(MongoMapping.ToDomain(document), secrets.Unprotect(document.ProtectedSecret)));
            }
            catch (CryptographicException ex)
            {
                logger.LogError(ex, "Cannot decrypt the shared secret of router {RouterId} ({RouterName}); its RADIUS packets will be dropped until the secret is set again", document.Id, document.Name);
            }
        }

        return new RouterRegistrySnapshot(version, routers);
    }

    private async Task EnsureUniqueAsync(Router router, CancellationToken cancellationToken)
    {
        var others = Filter.Ne(d => d.Id, router.Id);
        if (router.NasIdentifier is not null
            && await context.Routers.CountDocumentsAsync(others & Filter.Eq(d => d.NasIdentifier, router.NasIdentifier), cancellationToken: cancellationToken).ConfigureAwait(false) > 0)
        {
            throw new BillingValidationException("nasIdentifier", $"'{router.NasIdentifier}' is already used by another router");
        }

        if (router.Address is not null
            && await context.Routers.CountDocumentsAsync(others & Filter.Eq(d => d.Address, router.Address.Value), cancellationToken: cancellationToken).ConfigureAwait(false) > 0)
        {
            throw new BillingValidationException("address", $"{router.Address} is already used by another router");
        }
    }

    /// <summary>The unique indexes settle a race the check above cannot see; report it like the check would.</summary>
    private async Task WriteUniqueAsync(Router router, Func<Task> write, CancellationToken cancellationToken)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (MongoWriteException ex) when (MongoCas.IsDuplicateKey(ex))
        {
            await EnsureUniqueAsync(router, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    private Task<UpdateResult> BumpVersionAsync(CancellationToken cancellationToken) =>
        context.Meta.UpdateOneAsync(
            Builders<CounterDocument>.Filter.Eq(d => d.Id, VersionCounter),
            Builders<CounterDocument>.Update.Inc(d => d.Value, 1),
            new UpdateOptions { IsUpsert = true },
            cancellationToken);
}
