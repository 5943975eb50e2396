using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>The plan snapshot columns shared by <c>vouchers</c> and <c>payments</c> (same names in both tables).</summary>
internal static class SqlitePlanSnapshotColumns
{
    public const int Count = 9;

    public const string Names =
        "plan_id, plan_name, plan_price_kes, plan_duration_seconds, plan_mode, plan_rate_limit, plan_data_cap_bytes, plan_device_limit, plan_allowed_router_ids";

    public const string Parameters =
        "$plan_id, $plan_name, $plan_price_kes, $plan_duration_seconds, $plan_mode, $plan_rate_limit, $plan_data_cap_bytes, $plan_device_limit, $plan_allowed_router_ids";

    public static void Bind(SqliteCommand command, PlanSnapshot plan) =>
        command
            .Bind("$plan_id", plan.PlanId)
            .Bind("$plan_name", plan.Name)
            .Bind("$plan_price_kes", plan.PriceKes)
            .Bind("$plan_duration_seconds", (long)plan.Duration.TotalSeconds)
            .Bind("$plan_mode", SqliteValues.ToDb(plan.Mode))
            .Bind("$plan_rate_limit", plan.RateLimit?.Value)
            .Bind("$plan_data_cap_bytes", plan.DataCapBytes)
            .Bind("$plan_device_limit", plan.DeviceLimit)
            .Bind("$plan_allowed_router_ids", SqliteValues.JoinIds(plan.AllowedRouterIds));

    /// <summary>
    /// The snapshot in these columns. Thousands of vouchers of one plan carry the same terms, and logins keep the
    /// vouchers in memory (the voucher cache), so rows with identical terms share one immutable snapshot instead of
    /// each holding its own copy of the plan's strings, rate limit and router list.
    /// </summary>
    public static PlanSnapshot Read(SqliteDataReader reader, int first)
    {
        var key = new SnapshotKey(
            reader.GetString(first),
            reader.GetString(first + 1),
            reader.GetInt64(first + 2),
            reader.GetInt64(first + 3),
            reader.GetString(first + 4),
            reader.IsDBNull(first + 5) ? null : reader.GetString(first + 5),
            reader.NullableInt64(first + 6),
            reader.GetInt32(first + 7),
            reader.GetString(first + 8));
        if (Shared.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var snapshot = new PlanSnapshot(
            key.PlanId,
            key.Name,
            key.PriceKes,
            TimeSpan.FromSeconds(key.DurationSeconds),
            reader.Enum<PlanMode>(first + 4),
            reader.RateLimit(first + 5),
            key.DataCapBytes,
            key.DeviceLimit,
            SqliteValues.SplitIds(key.AllowedRouterIds));
        if (Shared.Count >= MaxShared)
        {
            Shared.Clear(); // a store with this many distinct plan terms gains nothing from sharing; start over
        }

        Shared.TryAdd(key, snapshot);
        return snapshot;
    }

    private const int MaxShared = 4_096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<SnapshotKey, PlanSnapshot> Shared = new();

    /// <summary>Every column as stored: equal keys mean equal snapshots.</summary>
    private readonly record struct SnapshotKey(
        string PlanId,
        string Name,
        long PriceKes,
        long DurationSeconds,
        string Mode,
        string? RateLimit,
        long? DataCapBytes,
        int DeviceLimit,
        string AllowedRouterIds);
}
