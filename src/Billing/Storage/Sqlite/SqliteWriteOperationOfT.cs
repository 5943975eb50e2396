namespace WifiBilling.Billing.Storage.Sqlite;

internal sealed class SqliteWriteOperation<T>(Func<SqliteCommandCache, T> operation) : SqliteWriteOperation
{
    // Continuations run on the thread pool, never on the writer thread, so a slow caller cannot stall the batch.
    private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _result;
    private Exception? _failure;

    public Task<T> Task => _completion.Task;

    public override void Execute(SqliteCommandCache database) => _result = operation(database);

    public override void RecordFailure(Exception exception) => _failure = exception;

    public override void Complete()
    {
        if (_failure is not null)
        {
            _completion.TrySetException(_failure);
        }
        else
        {
            _completion.TrySetResult(_result!);
        }
    }

    public override void Fail(Exception exception) => _completion.TrySetException(exception);
}
