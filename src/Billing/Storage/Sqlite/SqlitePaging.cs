using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain;

namespace WifiBilling.Billing.Storage.Sqlite;

internal static class SqlitePaging
{
    /// <summary>
    /// One page of rows matching <paramref name="where"/> in <paramref name="orderBy"/> order, and the total count.
    /// <paramref name="bind"/> sets the WHERE clause's parameters on both statements.
    /// </summary>
    public static Page<T> ReadPage<T>(
        SqliteCommandCache db,
        string table,
        string columns,
        SqliteWhereClause where,
        string orderBy,
        Func<SqliteCommand, SqliteCommand> bind,
        int offset,
        int limit,
        Func<SqliteDataReader, T> read)
    {
        PageRequest.Validate(offset, limit);
        var total = bind(db.Command($"SELECT COUNT(*) FROM {table}{where}")).Scalar();
        var items = bind(db.Command($"SELECT {columns} FROM {table}{where} ORDER BY {orderBy} LIMIT $limit OFFSET $offset"))
            .Bind("$limit", limit)
            .Bind("$offset", offset)
            .ReadAll(read);
        return new Page<T>(items, total, offset, limit);
    }
}
