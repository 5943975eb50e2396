using Microsoft.Data.Sqlite;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// One open connection with its prepared statements, reused across calls (hot paths such as a voucher lookup then
/// skip SQL parsing). Not thread-safe: one user at a time (the writer thread, or one rented reader).
/// </summary>
internal sealed class SqliteCommandCache : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteCommandCache(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>
    /// On the writer's connection: copies of the vouchers written in the current batch, for the voucher cache once
    /// the batch has committed (<see cref="SqliteVoucherCache"/>). Null on read connections.
    /// </summary>
    public List<Domain.Vouchers.Voucher>? WrittenVouchers { get; init; }

    /// <summary>The prepared command for <paramref name="sql"/> (a constant or built from constants), parameters cleared.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
#pragma warning disable CA2100 // Every statement is built from constants in this assembly; values are always parameters.
            command.CommandText = sql;
#pragma warning restore CA2100
            command.Prepare();
            _commands.Add(sql, command);
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs a statement with no parameters and no result (transaction control, pragmas).</summary>
    public void Execute(string sql) => Command(sql).ExecuteNonQuery();

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        Connection.Dispose();
    }
}
