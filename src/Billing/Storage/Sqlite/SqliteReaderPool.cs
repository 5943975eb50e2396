using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// Read connections with their prepared statements, rented one caller at a time. WAL lets them read while the
/// writer commits; each statement sees the last committed state.
/// </summary>
internal sealed class SqliteReaderPool(Func<SqliteConnection> openConnection, int maxIdle) : IDisposable
{
    private readonly ConcurrentBag<SqliteCommandCache> _idle = [];
    private bool _disposed;

    public T Read<T>(Func<SqliteCommandCache, T> query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_idle.TryTake(out var reader))
        {
            reader = new SqliteCommandCache(openConnection());
        }

        try
        {
            return query(reader);
        }
        finally
        {
            if (_disposed || _idle.Count >= maxIdle)
            {
                reader.Dispose();
            }
            else
            {
                _idle.Add(reader);
            }
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var reader))
        {
            reader.Dispose();
        }
    }
}
