using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Storage.Sqlite;

public sealed class SqlitePlanStore(SqliteDatabase database, TimeProvider time) : IPlanStore
{
    private const string Columns =
        "id, name, price_kes, duration_seconds, mode, rate_limit, data_cap_bytes, device_limit, active, sort_order, " +
        "allowed_router_ids, created_at, updated_at, version";

    private const string OrderBy = " ORDER BY sort_order, price_kes, name";

    public Task<Plan> CreateAsync(PlanDefinition definition, CancellationToken cancellationToken)
    {
        var plan = Plan.Create(BillingIds.NewPlanId(), definition, time.GetUtcNow());
        return database.WriteAsync(
            db =>
            {
                Insert(db, plan);
                return plan;
            },
            cancellationToken);
    }

    public Task<Plan?> FindAsync(string id, CancellationToken cancellationToken) =>
        database.ReadAsync(db => Find(db, id), cancellationToken);

    public Task<IReadOnlyList<Plan>> ListAsync(CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Plan>>(
            db => db.Command("SELECT " + Columns + " FROM plans" + OrderBy).ReadAll(Read),
            cancellationToken);

    public Task<IReadOnlyList<Plan>> ListActiveAsync(string? routerId, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<Plan>>(
            db => db.Command("SELECT " + Columns + " FROM plans WHERE active = 1" + OrderBy)
                .ReadAll(Read)
                .Where(p => routerId is null || p.IsAvailableOn(routerId))
                .ToList(),
            cancellationToken);

    public Task<Plan?> UpdateAsync(string id, PlanDefinition definition, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return database.WriteAsync(
            db => SqliteMutation.Apply(
                Find(db, id),
                p => p.Version,
                p => p.Redefine(definition, now),
                (p, expected) => Bind(db.Command("""
                        UPDATE plans SET name = $name, price_kes = $price_kes, duration_seconds = $duration_seconds, mode = $mode,
                            rate_limit = $rate_limit, data_cap_bytes = $data_cap_bytes, device_limit = $device_limit,
                            active = $active, sort_order = $sort_order, allowed_router_ids = $allowed_router_ids,
                            updated_at = $updated_at, version = $version
                        WHERE id = $id AND version = $expected_version
                        """), p)
                    .Bind("$expected_version", expected)
                    .ExpectOneRow("plan " + p.Id)),
            cancellationToken);
    }

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken) =>
        database.WriteAsync(db => db.Command("DELETE FROM plans WHERE id = $id").Bind("$id", id).ExecuteNonQuery() == 1, cancellationToken);

    public Task<int> SeedIfEmptyAsync(IReadOnlyList<PlanDefinition> seed, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var plans = seed.Select((definition, i) => Plan.Create($"pln_seed_{i + 1}", definition, now)).ToList();
        return database.WriteAsync(
            db =>
            {
                // Seed once in the life of the store: an operator who deleted every plan does not get them back.
                var seeded = db.Command("SELECT value FROM store_meta WHERE key = 'plans_seeded'").Scalar() != 0;
                if (seeded || db.Command("SELECT COUNT(*) FROM plans").Scalar() != 0)
                {
                    return 0;
                }

                plans.ForEach(p => Insert(db, p));
                db.Execute("UPDATE store_meta SET value = 1 WHERE key = 'plans_seeded'");
                return plans.Count;
            },
            cancellationToken);
    }

    private static Plan? Find(SqliteCommandCache db, string id) =>
        db.Command("SELECT " + Columns + " FROM plans WHERE id = $id").Bind("$id", id).ReadSingle(Read);

    private static void Insert(SqliteCommandCache db, Plan plan) =>
        Bind(db.Command("INSERT INTO plans (" + Columns + ") VALUES ($id, $name, $price_kes, $duration_seconds, $mode, " +
                "$rate_limit, $data_cap_bytes, $device_limit, $active, $sort_order, $allowed_router_ids, $created_at, $updated_at, $version)"), plan)
            .Bind("$created_at", SqliteValues.ToDb(plan.CreatedAt))
            .ExecuteNonQuery();

    private static SqliteCommand Bind(SqliteCommand command, Plan plan) =>
        command
            .Bind("$id", plan.Id)
            .Bind("$name", plan.Name)
            .Bind("$price_kes", plan.PriceKes)
            .Bind("$duration_seconds", (long)plan.Duration.TotalSeconds)
            .Bind("$mode", SqliteValues.ToDb(plan.Mode))
            .Bind("$rate_limit", plan.RateLimit?.Value)
            .Bind("$data_cap_bytes", plan.DataCapBytes)
            .Bind("$device_limit", plan.DeviceLimit)
            .Bind("$active", SqliteValues.ToDb(plan.Active))
            .Bind("$sort_order", plan.SortOrder)
            .Bind("$allowed_router_ids", SqliteValues.JoinIds(plan.AllowedRouterIds))
            .Bind("$updated_at", SqliteValues.ToDb(plan.UpdatedAt))
            .Bind("$version", plan.Version);

    private static Plan Read(SqliteDataReader r) =>
        Plan.Rehydrate(
            r.GetString(0),
            new PlanDefinition(
                Name: r.GetString(1),
                PriceKes: r.GetInt64(2),
                Duration: TimeSpan.FromSeconds(r.GetInt64(3)),
                Mode: r.Enum<PlanMode>(4),
                RateLimit: r.NullableString(5),
                DataCapBytes: r.NullableInt64(6),
                DeviceLimit: r.GetInt32(7),
                Active: r.Boolean(8),
                SortOrder: r.GetInt32(9),
                AllowedRouterIds: SqliteValues.SplitIds(r.GetString(10))),
            createdAt: r.Time(11),
            updatedAt: r.Time(12),
            version: r.GetInt64(13));
}
