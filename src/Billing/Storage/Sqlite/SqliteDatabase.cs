using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// The SQLite file: opened in WAL mode with <c>synchronous=FULL</c> (a committed transaction survives a power
/// cut), migrated at first use, with one group-committing writer and a pool of readers.
/// </summary>
public sealed class SqliteDatabase : IAsyncDisposable, IDisposable
{
    private readonly SqliteStorageOptions _options;
    private readonly ILogger<SqliteDatabase> _logger;
    private readonly TimeProvider _time;
    private readonly Lock _initialization = new();
    private readonly string _connectionString;
    private SqliteWriter? _writer;
    private SqliteReaderPool? _readers;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, TimeProvider time, ILogger<SqliteDatabase> logger)
    {
        _options = options.Value;
        Vouchers = new SqliteVoucherCache(_options.VoucherCacheSize);
        _time = time;
        _logger = logger;
        FilePath = System.IO.Path.GetFullPath(_options.Path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            // This class keeps its own long-lived connections (with prepared statements); no driver pool.
            Pooling = false,
        }.ToString();
    }

    public string FilePath { get; }

    /// <summary>Committed vouchers in memory for the login path; the writer keeps it current.</summary>
    internal SqliteVoucherCache Vouchers { get; }

    /// <summary>Creates the folder, opens the file and applies pending migrations. Idempotent; stores call it lazily.</summary>
    public void Initialize()
    {
        if (Volatile.Read(ref _writer) is not null)
        {
            return;
        }

        lock (_initialization)
        {
            if (_writer is not null)
            {
                return;
            }

            var folder = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var connection = Open();
            var database = new SqliteCommandCache(connection) { WrittenVouchers = [] };
            try
            {
                // WAL: readers never block the writer; the mode is stored in the file, set once.
                database.Execute("PRAGMA journal_mode=WAL");
                Migrate(database);
            }
            catch
            {
                database.Dispose();
                throw;
            }

            _readers = new SqliteReaderPool(Open, maxIdle: Math.Max(4, Environment.ProcessorCount * 4));
            Volatile.Write(ref _writer, new SqliteWriter(database, Vouchers, _options.MaxBatchSize, _logger));
            _logger.LogInformation("SQLite store ready at {Path}", FilePath);
        }
    }

    /// <summary>True when a trivial query answers.</summary>
    public bool IsReachable()
    {
        try
        {
            return Read(static db => Convert.ToInt64(db.Command("SELECT 1").ExecuteScalar(), CultureInfo.InvariantCulture) == 1);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            _logger.LogWarning(ex, "SQLite store at {Path} is not reachable", FilePath);
            return false;
        }
    }

    /// <summary>Lets queued writes commit, then closes the file (for containers disposed synchronously).</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        if (_writer is not null)
        {
            await _writer.DisposeAsync().ConfigureAwait(false);
        }

        _readers?.Dispose();
    }

    /// <summary>Queues a write; completes after its batch committed (durable) or failed.</summary>
    internal Task<T> WriteAsync<T>(Func<SqliteCommandCache, T> operation, CancellationToken cancellationToken)
    {
        Initialize();
        return _writer!.ExecuteAsync(operation, cancellationToken);
    }

    /// <summary>Runs a query on a pooled read connection (Microsoft.Data.Sqlite is synchronous underneath).</summary>
    internal T Read<T>(Func<SqliteCommandCache, T> query)
    {
        Initialize();
        return _readers!.Read(query);
    }

    internal Task<T> ReadAsync<T>(Func<SqliteCommandCache, T> query, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Read(query));
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        using var pragmas = connection.CreateCommand();
        // synchronous is per connection: FULL fsyncs the WAL at every commit (durable across power loss).
        pragmas.CommandText = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout={_options.BusyTimeoutMilliseconds}; PRAGMA synchronous=FULL;");
        pragmas.ExecuteNonQuery();
        return connection;
    }

    private void Migrate(SqliteCommandCache database)
    {
        database.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at  INTEGER NOT NULL
            )
            """);
        var current = Convert.ToInt32(
            database.Command("SELECT COALESCE(MAX(version), 0) FROM schema_version").ExecuteScalar(),
            CultureInfo.InvariantCulture);
        var latest = SqliteMigrations.All[^1].Version;
        if (current > latest)
        {
            throw new InvalidOperationException(
                $"The database {FilePath} has schema version {current}, newer than this program knows ({latest}). Run the newer program or restore a backup.");
        }

        foreach (var migration in SqliteMigrations.All.Where(m => m.Version > current))
        {
            database.Execute("BEGIN IMMEDIATE");
            try
            {
                using (var script = database.Connection.CreateCommand())
                {
                    script.CommandText = migration.Sql;
                    script.ExecuteNonQuery();
                }

                var record = database.Command(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $appliedAt)");
                record.Parameters.AddWithValue("$version", migration.Version);
                record.Parameters.AddWithValue("$description", migration.Description);
                record.Parameters.AddWithValue("$appliedAt", _time.GetUtcNow().ToUnixTimeMilliseconds());
                record.ExecuteNonQuery();
                database.Execute("COMMIT");
                _logger.LogInformation("SQLite schema migrated to version {Version}: {Description}", migration.Version, migration.Description);
            }
            catch
            {
                database.Execute("ROLLBACK");
                throw;
            }
        }
    }
}
