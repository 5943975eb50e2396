using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>SQLite in a temporary folder (database file + key ring), deleted afterwards.</summary>
public sealed class SqliteBackend : IStoreBackend
{
    public string? SkipReason => null;

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "wifibilling-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public Task<BillingStores> CreateAsync(TimeProvider clock, IVoucherCodeGenerator? codes)
    {
        var folder = NewFolder();
        return BillingStores.CreateAsync(
            new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(folder, "billing.db") },
            clock,
            codes,
            () =>
            {
                Directory.Delete(folder, recursive: true);
                return ValueTask.CompletedTask;
            });
    }
}
