using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Benchmarks;

/// <summary>
/// Voucher lookup by code (what every RADIUS Access-Request starts with) and first-use activation (the atomic
/// admission that activates the voucher and binds the device), on SQLite holding 100,000 vouchers.
/// Targets: ≥ 20,000 lookups/s and ≥ 5,000 activations/s. Results and the command are in docs/benchmarks.md.
/// </summary>
[Config(typeof(Config))]
public class BillingStoreBenchmarks
{
    public const int LookupsPerInvoke = 16_384;
    public const int ActivationsPerInvoke = 2_048;

    /// <summary>Logins RADIUS would have in flight at once (its worker count).</summary>
    public const int Concurrency = 64;

    private BillingBenchmarkStore _store = null!;
    private int _nextLookup;
    private int _nextUnused;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _store = await BillingBenchmarkStore.CreateAsync();
        _nextUnused = 0;
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _store.DisposeAsync();

    /// <summary>One caller looking vouchers up one after another.</summary>
    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public async Task LookupByCode()
    {
        for (var i = 0; i < LookupsPerInvoke; i++)
        {
            var code = _store.Codes[_nextLookup++ % _store.Codes.Length];
            _ = await _store.Vouchers.FindAsync(code, CancellationToken.None) ?? throw new InvalidOperationException("voucher missing");
        }
    }

    /// <summary>64 callers looking up at once (the RADIUS workers).</summary>
    [Benchmark(OperationsPerInvoke = LookupsPerInvoke)]
    public Task LookupByCodeConcurrent() =>
        RunConcurrentlyAsync(LookupsPerInvoke, async _ =>
        {
            var code = _store.Codes[Interlocked.Increment(ref _nextLookup) % _store.Codes.Length];
            if (await _store.Vouchers.FindAsync(code, CancellationToken.None) is null)
            {
                throw new InvalidOperationException("voucher missing");
            }
        });

    /// <summary>
    /// 64 concurrent first logins, each on a different never-used voucher: activation + device binding, each one
    /// durable (group commit) before it returns. Each voucher is used once, so this runs as a monitoring job.
    /// </summary>
    [Benchmark(OperationsPerInvoke = ActivationsPerInvoke)]
    public Task FirstUseActivationConcurrent() =>
        RunConcurrentlyAsync(ActivationsPerInvoke, async i =>
        {
            var index = Interlocked.Increment(ref _nextUnused) - 1;
            var code = _store.Codes[index];
            var mac = MacAddress.Parse($"02:00:{index >> 24 & 0xFF:X2}:{index >> 16 & 0xFF:X2}:{index >> 8 & 0xFF:X2}:{index & 0xFF:X2}");
            var admission = await _store.Vouchers.AdmitLoginAsync(new VoucherLogin(code, mac, "rtr_bench"), CancellationToken.None);
            if (!admission.Admitted || !admission.Changed)
            {
                throw new InvalidOperationException($"voucher {i} was not freshly activated: {admission.Refusal}");
            }
        });

    private static Task RunConcurrentlyAsync(int operations, Func<int, Task> operation)
    {
        var next = -1;
        return Task.WhenAll(Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < operations)
            {
                await operation(i);
            }
        })));
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // Activations consume unused vouchers: a fixed, small number of single invocations (no pilot stage)
            // keeps the total (14 × 2,048 = 28,672) well under the 100,000 in the store.
            AddJob(new BenchmarkDotNet.Jobs.Job("BillingStore")
            {
                Run = { RunStrategy = RunStrategy.Monitoring, LaunchCount = 1, WarmupCount = 4, IterationCount = 10, InvocationCount = 1, UnrollFactor = 1 },
            });
            AddColumn(StatisticColumn.OperationsPerSecond);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
        }
    }
}
