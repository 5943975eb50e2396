using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// The one writer connection. Writes are queued and run in batches: one <c>BEGIN IMMEDIATE … COMMIT</c> (one WAL
/// fsync with <c>synchronous=FULL</c>) for everything queued, each operation inside its own savepoint so a failing
/// one does not undo the others. A caller's task completes only after COMMIT returned, so "the write returned"
/// always means "the write is on disk" (group commit). Because all writes go through this one connection inside an
/// immediate transaction, each operation's read-check-write is atomic: no other write can interleave.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly Channel<SqliteWriteOperation> _queue =
        Channel.CreateUnbounded<SqliteWriteOperation>(new UnboundedChannelOptions { SingleReader = true });

    private readonly SqliteCommandCache _database;
    private readonly SqliteVoucherCache _vouchers;
    private readonly int _maxBatchSize;
    private readonly ILogger _logger;
    private readonly Task _loop;

    public SqliteWriter(SqliteCommandCache database, SqliteVoucherCache vouchers, int maxBatchSize, ILogger logger)
    {
        _database = database;
        _vouchers = vouchers;
        _maxBatchSize = maxBatchSize;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    public Task<T> ExecuteAsync<T>(Func<SqliteCommandCache, T> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var queued = new SqliteWriteOperation<T>(operation);
        if (!_queue.Writer.TryWrite(queued))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite store is shutting down.");
        }

        // Once queued the write will commit; a cancelled caller merely stops waiting for it.
        return cancellationToken.CanBeCanceled ? queued.Task.WaitAsync(cancellationToken) : queued.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _database.Dispose();
    }

    private async Task RunAsync()
    {
        var batch = new List<SqliteWriteOperation>(_maxBatchSize);
        var reader = _queue.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (batch.Count < _maxBatchSize && reader.TryRead(out var operation))
            {
                batch.Add(operation);
            }

            ExecuteBatch(batch);
            batch.Clear();
        }
    }

    private void ExecuteBatch(List<SqliteWriteOperation> batch)
    {
        var written = _database.WrittenVouchers!;
        try
        {
            _database.Execute("BEGIN IMMEDIATE");
            foreach (var operation in batch)
            {
                _database.Execute("SAVEPOINT operation");
                var writtenBefore = written.Count;
                try
                {
                    operation.Execute(_database);
                    _database.Execute("RELEASE operation");
                }
                catch (Exception ex)
                {
                    _database.Execute("ROLLBACK TO operation");
                    _database.Execute("RELEASE operation");
                    written.RemoveRange(writtenBefore, written.Count - writtenBefore);
                    operation.RecordFailure(ex);
                }
            }

            _database.Execute("COMMIT");

            // Durable now: readers may see it from memory, before any caller hears that its write returned.
            _vouchers.Publish(written);
            written.Clear();
        }
        catch (Exception ex)
        {
            written.Clear();
            _logger.LogError(ex, "SQLite batch of {Count} writes failed; none of them was stored", batch.Count);
            TryRollback();
            foreach (var operation in batch)
            {
                operation.Fail(ex);
            }

            return;
        }

        foreach (var operation in batch)
        {
            operation.Complete();
        }
    }

    private void TryRollback()
    {
        try
        {
            if (_database.Connection.State != System.Data.ConnectionState.Closed)
            {
                _database.Execute("ROLLBACK");
            }
        }
        catch (SqliteException)
        {
            // No transaction was open (BEGIN itself failed), or SQLite already rolled it back.
        }
    }
}
