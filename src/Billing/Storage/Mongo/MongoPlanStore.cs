using MongoDB.Driver;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Storage.Mongo.Documents;

namespace WifiBilling.Billing.Storage.Mongo;

public sealed class MongoPlanStore(MongoContext context, TimeProvider time) : IPlanStore
{
    private const string SeededFlag = "plans_seeded";

    private static readonly FilterDefinitionBuilder<PlanDocument> Filter = Builders<PlanDocument>.Filter;

    private static readonly SortDefinition<PlanDocument> Order =
        Builders<PlanDocument>.Sort.Ascending(d => d.SortOrder).Ascending(d => d.Terms.PriceKes).Ascending(d => d.Terms.Name);

    public async Task<Plan> CreateAsync(PlanDefinition definition, CancellationToken cancellationToken)
    {
        var plan = Plan.Create(BillingIds.NewPlanId(), definition, time.GetUtcNow());
        await context.Plans.InsertOneAsync(MongoMapping.ToDocument(plan), cancellationToken: cancellationToken).ConfigureAwait(false);
        return plan;
    }

    public async Task<Plan?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var document = await context.Plans.Find(Filter.Eq(d => d.Id, id)).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return document is null ? null : MongoMapping.ToDomain(document);
    }

    public async Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken)
    {
        var documents = await context.Plans.Find(Filter.Empty).Sort(Order).ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain).ToList();
    }

    public async Task<IReadOnlyList<Plan>> ListActiveAsync(string? routerId, CancellationToken cancellationToken)
    {
        var documents = await context.Plans.Find(Filter.Eq(d => d.Active, true)).Sort(Order).ToListAsync(cancellationToken).ConfigureAwait(false);
        return documents.Select(MongoMapping.ToDomain).Where(p => routerId is null || p.IsAvailableOn(routerId)).ToList();
    }

    public Task<Plan?> UpdateAsync(string id, PlanDefinition definition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return MongoCas.MutateAsync(
            context.Plans,
            Filter.Eq(d => d.Id, id),
            MongoMapping.ToDomain,
            p => p.Version,
            (_, plan) => MongoMapping.ToDocument(plan),
            d => d.Id,
            p => p.Redefine(definition, now),
            cancellationToken);
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        (await context.Plans.DeleteOneAsync(Filter.Eq(d => d.Id, id), cancellationToken).ConfigureAwait(false)).DeletedCount == 1;

    public async Task<int> SeedIfEmptyAsync(IReadOnlyList<PlanDefinition> seed, CancellationToken cancellationToken)
    {
        var flag = await context.Meta.Find(Builders<CounterDocument>.Filter.Eq(d => d.Id, SeededFlag))
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (flag?.Value > 0 || seed.Count == 0
            || await context.Plans.CountDocumentsAsync(Filter.Empty, cancellationToken: cancellationToken).ConfigureAwait(false) > 0)
        {
            return 0;
        }

        // Fixed ids: instances starting together insert the same documents, and duplicates are simply refused.
        var now = time.GetUtcNow();
        var plans = seed.Select((definition, i) => MongoMapping.ToDocument(Plan.Create($"pln_seed_{i + 1}", definition, now))).ToList();
        var inserted = plans.Count;
        try
        {
            await context.Plans.InsertManyAsync(plans, new InsertManyOptions { IsOrdered = false }, cancellationToken).ConfigureAwait(false);
        }
        catch (MongoBulkWriteException<PlanDocument> ex) when (ex.WriteErrors.All(e => e.Category == ServerErrorCategory.DuplicateKey))
        {
            inserted -= ex.WriteErrors.Count;
        }

        await context.Meta.UpdateOneAsync(
                Builders<CounterDocument>.Filter.Eq(d => d.Id, SeededFlag),
                Builders<CounterDocument>.Update.Set(d => d.Value, 1),
                new UpdateOptions { IsUpsert = true },
                cancellationToken)
            .ConfigureAwait(false);
        return inserted;
    }
}
