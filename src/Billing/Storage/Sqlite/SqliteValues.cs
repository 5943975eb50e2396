using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>Conversions between domain values and SQLite columns (times as UTC Unix milliseconds, enums by name).</summary>
internal static class SqliteValues
{
    // Plans have a handful of distinct rate limits; parse each once instead of on every voucher read.
    private static readonly ConcurrentDictionary<string, RateLimit?> RateLimits = new(StringComparer.Ordinal);

    public static SqliteCommand Bind(this SqliteCommand command, string name, object? value)
    {
        command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    public static long ToDb(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    public static object? ToDb(DateTimeOffset? time) => time?.ToUnixTimeMilliseconds();

    public static string ToDb<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString();

    public static long ToDb(bool value) => value ? 1 : 0;

    public static DateTimeOffset Time(this SqliteDataReader reader, int ordinal) =>
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static DateTimeOffset? NullableTime(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(ordinal));

    public static string? NullableString(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? NullableInt64(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    public static TEnum Enum<TEnum>(this SqliteDataReader reader, int ordinal)
        where TEnum : struct, Enum => System.Enum.Parse<TEnum>(reader.GetString(ordinal));

    public static bool Boolean(this SqliteDataReader reader, int ordinal) => reader.GetInt64(ordinal) != 0;

    public static MacAddress? Mac(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : MacAddress.TryParse(reader.GetString(ordinal), out var mac) ? mac : null;

    public static IPAddress? Ip(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : IPAddress.TryParse(reader.GetString(ordinal), out var ip) ? ip : null;

    public static RateLimit? RateLimit(this SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ParseRateLimit(reader.GetString(ordinal));

    public static RateLimit? ParseRateLimit(string text)
    {
        if (RateLimits.TryGetValue(text, out var cached))
        {
            return cached;
        }

        var parsed = Domain.Plans.RateLimit.TryParse(text, out var rateLimit, out _) ? rateLimit : null;
        if (RateLimits.Count < 1024)
        {
            RateLimits.TryAdd(text, parsed);
        }

        return parsed;
    }

    /// <summary>Router ids contain no comma (they are validated ids), so a comma-joined column is enough.</summary>
    public static string JoinIds(IReadOnlyList<string> ids) => string.Join(',', ids);

    public static IReadOnlyList<string> SplitIds(string text) =>
        text.Length == 0 ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries);

    public static string JoinMacs(IReadOnlyList<MacAddress> macs) => string.Join(',', macs.Select(m => m.Value));

    public static IEnumerable<MacAddress> SplitMacs(string text) =>
        text.Length == 0
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(m => MacAddress.Parse(m));

    public static long Scalar(this SqliteCommand command) =>
        Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);

    /// <summary>Materialises every row (so the cached command is free again before the next statement).</summary>
    public static List<T> ReadAll<T>(this SqliteCommand command, Func<SqliteDataReader, T> map)
    {
        var rows = new List<T>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    public static T? ReadSingle<T>(this SqliteCommand command, Func<SqliteDataReader, T> map)
        where T : class
    {
        using var reader = command.ExecuteReader();
        return reader.Read() ? map(reader) : null;
    }

    /// <summary>
    /// A conditional UPDATE must hit exactly one row; otherwise the row changed since it was read in this
    /// transaction, which the single writer makes impossible — so fail loudly rather than lose an update.
    /// </summary>
    public static void ExpectOneRow(this SqliteCommand command, string what)
    {
        if (command.ExecuteNonQuery() != 1)
        {
            throw new InvalidOperationException($"Conditional update of {what} matched no row (concurrent change).");
        }
    }
}
