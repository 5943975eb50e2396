using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Storage.Sqlite;

namespace WifiBilling.Benchmarks;

/// <summary>A real SQLite store in a temporary folder, filled with unused vouchers (the size the brief measures at).</summary>
internal sealed class BillingBenchmarkStore : IAsyncDisposable
{
    public const int VoucherCount = 100_000;

    private readonly string _folder;
    private readonly SqliteDatabase _database;

    private BillingBenchmarkStore(string folder, SqliteDatabase database, SqliteVoucherStore vouchers, string[] codes)
    {
        _folder = folder;
        _database = database;
        Vouchers = vouchers;
        Codes = codes;
    }

    public SqliteVoucherStore Vouchers { get; }

    public string[] Codes { get; }

    public static async Task<BillingBenchmarkStore> CreateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wifibilling-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = new SqliteDatabase(
            Options.Create(new SqliteStorageOptions { Path = Path.Combine(folder, "billing.db") }),
            TimeProvider.System,
            NullLogger<SqliteDatabase>.Instance);
        var vouchers = new SqliteVoucherStore(database, new VoucherCodeGenerator(), TimeProvider.System);
        var plan = Plan.Create("pln_bench", new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1), RateLimit: "2M/5M"), TimeProvider.System.GetUtcNow());
        var codes = new List<string>(VoucherCount);
        for (var batch = 0; batch < VoucherCount / VoucherIssue.MaxBatchCount; batch++)
        {
            var minted = await vouchers.CreateManyAsync(new VoucherIssue(plan.Snapshot(), VoucherSource.Batch), VoucherIssue.MaxBatchCount, CancellationToken.None);
            codes.AddRange(minted.Select(v => v.Code.Value));
        }

        return new BillingBenchmarkStore(folder, database, vouchers, [.. codes.OrderBy(_ => Random.Shared.Next())]);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
