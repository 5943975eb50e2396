namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>A queued write. Its task completes only after the batch it ran in has committed (or failed).</summary>
internal abstract class SqliteWriteOperation
{
    public abstract void Execute(SqliteCommandCache database);

    /// <summary>This operation alone failed (its savepoint was rolled back); the rest of the batch goes on.</summary>
    public abstract void RecordFailure(Exception exception);

    /// <summary>Called after COMMIT returned: publish the result (or this operation's own failure).</summary>
    public abstract void Complete();

    /// <summary>The batch did not commit: nothing it did is durable, so every operation in it fails.</summary>
    public abstract void Fail(Exception exception);
}
