namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>Configuration section <c>Storage:Sqlite</c>. SQLite is the default store (no <c>MONGO_URI</c>).</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>The database file; its folder is created at start. Default <c>./data/wifibilling.db</c>.</summary>
    public string Path { get; set; } = "./data/wifibilling.db";

    /// <summary>How long a connection waits for another process's lock before failing (PRAGMA busy_timeout).</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 5000;

    /// <summary>
    /// The most queued writes committed in one transaction (group commit: one fsync for the whole batch).
    /// </summary>
    public int MaxBatchSize { get; set; } = 256;

    /// <summary>
    /// Vouchers kept in memory for logins (<see cref="SqliteVoucherCache"/>), about half a kilobyte each; when full it
    /// starts over. 0 turns the cache off (every login reads SQLite).
    /// </summary>
    public int VoucherCacheSize { get; set; } = 200_000;
}
