using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// Checks <c>Storage:Sqlite</c> at start and creates the database folder, so a bad path stops the process with a
/// message that names the setting instead of failing at the first write.
/// </summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var key = SqliteStorageOptions.SectionName + ":Path";
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            return ValidateOptionsResult.Fail($"{key} is empty; set it to the SQLite database file, e.g. ./data/wifibilling.db.");
        }

        try
        {
            var fullPath = System.IO.Path.GetFullPath(options.Path);
            if (Directory.Exists(fullPath))
            {
                return ValidateOptionsResult.Fail($"{key} '{options.Path}' is a folder; it must name the database file.");
            }

            var folder = System.IO.Path.GetDirectoryName(fullPath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ValidateOptionsResult.Fail($"{key} '{options.Path}' cannot be used: {ex.Message}");
        }

        if (options.BusyTimeoutMilliseconds is < 0 or > 600_000)
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:BusyTimeoutMilliseconds must be from 0 to 600000.");
        }

        if (options.MaxBatchSize is < 1 or > 10_000)
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:MaxBatchSize must be from 1 to 10000.");
        }

        if (options.VoucherCacheSize is < 0 or > 10_000_000)
        {
            return ValidateOptionsResult.Fail($"{SqliteStorageOptions.SectionName}:VoucherCacheSize must be from 0 to 10000000.");
        }

        return ValidateOptionsResult.Success;
    }
}
