using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;
using WifiBilling.Billing.Domain.Payments;
using Xunit.Abstractions;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>
/// Durability across a process kill: a child process writes paid payments and mints their vouchers, printing each
/// pair only after the write returned; it is killed with SIGKILL at random moments. After every kill, every printed
/// (acknowledged) record must be in the database, which must pass <c>PRAGMA integrity_check</c> and open cleanly.
/// (A power cut cannot be simulated here; <c>synchronous=FULL</c> is what covers it.)
/// </summary>
public sealed class SqliteCrashTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 4;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly string _folder = SqliteBackend.NewFolder();

    [Fact]
    public async Task KilledWriter_NeverLosesAnAcknowledgedPaymentOrVoucher()
    {
        var database = Path.Combine(_folder, "billing.db");
        var acknowledged = new List<(string PaymentId, string VoucherCode)>();

        for (var round = 1; round <= Rounds; round++)
        {
            var lines = await RunAndKillAsync(database, killAfterLines: Random.Shared.Next(20, 400));
            acknowledged.AddRange(lines.Select(l => l.Split(' ')).Select(p => (p[0], p[1])));
            output.WriteLine($"round {round}: killed after {lines.Count} acknowledged pairs ({acknowledged.Count} in total)");

            IntegrityCheck(database).Should().Be("ok");
            await using var stores = await BillingStoresAt(database);
            foreach (var (paymentId, voucherCode) in acknowledged)
            {
                var payment = await stores.Payments.FindAsync(paymentId, default);
                payment.Should().NotBeNull($"payment {paymentId} was acknowledged before the kill");
                payment!.Status.Should().Be(PaymentStatus.Paid);
                payment.VoucherCode.Should().Be(voucherCode);
                var voucher = await stores.Vouchers.FindAsync(voucherCode, default);
                voucher.Should().NotBeNull($"voucher of {paymentId} was acknowledged before the kill");
                voucher!.PaymentId.Should().Be(paymentId);
            }
        }

        acknowledged.Should().HaveCountGreaterThan(Rounds * 20);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static Task<BillingStores> BillingStoresAt(string database) =>
        BillingStores.CreateAsync(
            new Dictionary<string, string?> { ["Storage:Sqlite:Path"] = database },
            TimeProvider.System,
            null,
            () => ValueTask.CompletedTask);

    private static string IntegrityCheck(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>Starts the writer, waits for some acknowledgements, SIGKILLs it, returns the complete lines it printed.</summary>
    private static async Task<List<string>> RunAndKillAsync(string database, int killAfterLines)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "WifiBilling.Billing.CrashWriter.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(database);

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var text = new StringBuilder();
        var buffer = new char[4096];
        using var deadline = new CancellationTokenSource(Patience);
        try
        {
            while (CountLines(text) < killAfterLines)
            {
                var read = await process.StandardOutput.ReadAsync(buffer, deadline.Token);
                if (read == 0)
                {
                    throw new InvalidOperationException($"The writer exited early: {await stderr}");
                }

                text.Append(buffer, 0, read);
            }

            // A random extra moment, so the kill lands anywhere inside a batch, not just after a print.
            await Task.Delay(Random.Shared.Next(0, 30), deadline.Token);
        }
        finally
        {
            // Process.Kill sends SIGKILL on Linux: no finalizers, no flush, no graceful shutdown.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        text.Append(await process.StandardOutput.ReadToEndAsync(CancellationToken.None));
        var all = text.ToString();
        // A line cut off by the kill was never acknowledged: keep only lines that ended with a newline.
        var complete = all[..(all.LastIndexOf('\n') + 1)];
        return complete.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
    }

    private static int CountLines(StringBuilder text)
    {
        var count = 0;
        foreach (var chunk in text.GetChunks())
        {
            count += chunk.Span.Count('\n');
        }

        return count;
    }
}
