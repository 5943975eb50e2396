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

    public static PlanSnapshot Read(SqliteDataReader reader, int first) =>
        new(
            reader.GetString(first),
            reader.GetString(first + 1),
            reader.GetInt64(first + 2),
            TimeSpan.FromSeconds(reader.GetInt64(first + 3)),
            reader.Enum<PlanMode>(first + 4),
            reader.RateLimit(first + 5),
            reader.NullableInt64(first + 6),
            reader.GetInt32(first + 7),
            SqliteValues.SplitIds(reader.GetString(first + 8)));
}
