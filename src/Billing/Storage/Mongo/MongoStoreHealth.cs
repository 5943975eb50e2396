using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using WifiBilling.Billing.Domain;

namespace WifiBilling.Billing.Storage.Mongo;

public sealed class MongoStoreHealth(MongoContext context, ILogger<MongoStoreHealth> logger) : IBillingStoreHealth
{
    public async Task<bool> IsReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await context.Database.RunCommandAsync<BsonDocument>(new BsonDocument("ping", 1), cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is MongoException or TimeoutException)
        {
            logger.LogWarning(ex, "MongoDB store is not reachable");
            return false;
        }
    }
}
