using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Storage.Sqlite;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>What only SQLite has: the file, its pragmas, migrations, start-up wiring and secrets at rest.</summary>
public sealed class SqliteStoreTests : IDisposable
{
    private readonly string _folder = SqliteBackend.NewFolder();

    private string DatabasePath => Path.Combine(_folder, "billing.db");

    [Fact]
    public async Task Database_UsesWalAndFullSync_AndRecordsOneSchemaVersion()
    {
        await using (var database = Open())
        {
            database.Initialize();
            database.Read(db => Pragma(db, "journal_mode")).Should().Be("wal");
            database.Read(db => Pragma(db, "synchronous")).Should().Be("2", "FULL: the WAL is fsynced at every commit");
        }

        await using (var reopened = Open())
        {
            reopened.Initialize();
            reopened.Read(db => db.Command("SELECT COUNT(*), MAX(version) FROM schema_version").ReadSingle(r => $"{r.GetInt64(0)}/{r.GetInt64(1)}"))
                .Should().Be("2/2", "migrations run once, however often the store opens");
        }
    }

    [Fact]
    public async Task Database_NewerSchemaThanTheProgram_RefusesToStart()
    {
        await using (var database = Open())
        {
            await database.WriteAsync(db => db.Command("INSERT INTO schema_version VALUES (99, 'from the future', 0)").ExecuteNonQuery(), default);
        }

        await using var old = Open();
        var act = old.Initialize;

        act.Should().Throw<InvalidOperationException>().WithMessage("*schema version 99*newer*");
    }

    [Fact]
    public async Task Writer_OneFailingWriteInABatch_DoesNotUndoTheOthers()
    {
        await using var database = Open();
        database.Initialize();
        await database.WriteAsync(db => db.Command("CREATE TABLE t (k TEXT PRIMARY KEY)").ExecuteNonQuery(), default);

        var writes = Enumerable.Range(0, 50)
            .Select(i => database.WriteAsync(db => db.Command("INSERT INTO t VALUES ($k)").Bind("$k", i == 25 ? "dup" : $"k{i}").ExecuteNonQuery(), default))
            .Append(database.WriteAsync(db => db.Command("INSERT INTO t VALUES ('dup')").ExecuteNonQuery(), default))
            .ToList();
        var outcomes = await Task.WhenAll(writes.Select(async w =>
        {
            try
            {
                await w;
                return true;
            }
            catch (SqliteException)
            {
                return false;
            }
        }));

        outcomes.Count(ok => !ok).Should().Be(1, "only the duplicate insert fails");
        database.Read(db => db.Command("SELECT COUNT(*) FROM t").Scalar()).Should().Be(50);
    }

    [Fact]
    public async Task RouterSecret_IsEncryptedAtRest()
    {
        await using (var stores = await StoresAsync())
        {
            await stores.Routers.CreateAsync(new RouterDefinition("Cafe", Address: "10.0.0.1"), "plain-text-secret-42", default);
        }

        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT protected_secret FROM routers";
        var stored = (string)command.ExecuteScalar()!;
        stored.Should().NotContain("plain-text-secret-42");
        stored.Length.Should().BeGreaterThan(40, "it is a Data Protection payload");
        connection.Close();

        foreach (var file in Directory.GetFiles(_folder, "billing.db*"))
        {
            Encoding.UTF8.GetString(File.ReadAllBytes(file)).Should().NotContain("plain-text-secret-42", $"{Path.GetFileName(file)} holds ciphertext only");
        }

        Directory.GetFiles(Path.Combine(_folder, "keys"), "key-*.xml").Should().NotBeEmpty("the key ring is kept beside the data");
    }

    [Fact]
    public async Task RouterSecret_SurvivesARestart_WithTheKeyRingBesideTheData()
    {
        await using (var first = await StoresAsync())
        {
            await first.Routers.CreateAsync(new RouterDefinition("Cafe", Address: "10.0.0.1"), "kept-across-restarts", default);
        }

        await using var second = await StoresAsync();
        (await second.Routers.GetRegistrySnapshotAsync(default)).Routers.Single().SharedSecret.Should().Be("kept-across-restarts");
    }

    [Fact]
    public async Task AddBillingStorage_HostStart_MigratesSeedsAndReportsHealthy()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Plans:Seed:TwentyFourHoursPriceKes"] = "100",
        });
        builder.Services.AddBillingStorage(builder.Configuration);
        using var host = builder.Build();

        await host.StartAsync();
        try
        {
            var plans = await host.Services.GetRequiredService<IPlanStore>().ListAsync(default);
            plans.Select(p => (p.Name, p.PriceKes)).Should().Equal(("1 Hour", 20L), ("4 Hours", 50L), ("24 Hours", 100L));
            var health = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
            health.Entries.Should().ContainKey("billing-store");
            health.Status.Should().Be(HealthStatus.Healthy);
            host.Services.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AddBillingStorage_UnusablePath_StopsStartNamingTheSetting()
    {
        var blocker = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = Path.Combine(blocker, "data", "billing.db") });
        builder.Services.AddBillingStorage(builder.Configuration);
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("Storage:Sqlite:Path");
    }

    [Fact]
    public async Task AddBillingStorage_BadSeedPrice_StopsStartNamingTheSetting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Plans:Seed:OneHourPriceKes"] = "0",
        });
        builder.Services.AddBillingStorage(builder.Configuration);
        using var host = builder.Build();

        var start = () => host.StartAsync();

        (await start.Should().ThrowAsync<OptionsValidationException>()).Which.Message.Should().Contain("OneHourPriceKes");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static string Pragma(SqliteCommandCache db, string name) =>
        Convert.ToString(db.Command("PRAGMA " + name).ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;

    private SqliteDatabase Open() =>
        new(Options.Create(new SqliteStorageOptions { Path = DatabasePath }), TimeProvider.System, NullLogger<SqliteDatabase>.Instance);

    private Task<BillingStores> StoresAsync() =>
        BillingStores.CreateAsync(
            new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = DatabasePath },
            TimeProvider.System,
            null,
            () => ValueTask.CompletedTask);
}
