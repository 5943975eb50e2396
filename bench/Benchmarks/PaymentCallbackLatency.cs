using System.Diagnostics;
using System.Globalization;
using HdrHistogram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Storage;

namespace WifiBilling.Benchmarks;

/// <summary>
/// Latency of "STK callback received → payment Paid and its voucher minted, both durable": the real
/// <see cref="StkCallbackHandler"/> path (parse, find the payment, amount check, record the raw body and the outcome
/// in one commit, mint the voucher in a second commit) on SQLite (WAL, synchronous=FULL), as the application builds
/// it. BenchmarkDotNet reports means, not p99, so every callback's time goes into an HdrHistogram instead.
/// Run: <c>dotnet run -c Release --project bench/Benchmarks -- payment-callback-latency [callbacks] [concurrency]</c>.
/// </summary>
internal static class PaymentCallbackLatency
{
    public const string Verb = "payment-callback-latency";

    public static async Task RunAsync(string[] args)
    {
        var callbacks = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 8;
        var folder = Path.Combine(Path.GetTempPath(), "wifibilling-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var services = await BuildAsync(folder);
            var warmUp = await PreparePaymentsAsync(services, 500);
            await MeasureAsync(services, warmUp, 1, print: null);

            Console.WriteLine($"Payment callback → voucher durable, SQLite at {folder}, {Environment.ProcessorCount} CPUs, .NET {Environment.Version}");
            var sequential = await PreparePaymentsAsync(services, callbacks);
            await MeasureAsync(services, sequential, 1, "one callback at a time");
            var concurrent = await PreparePaymentsAsync(services, callbacks);
            await MeasureAsync(services, concurrent, concurrency, $"{concurrency} callbacks at a time");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<ServiceProvider> BuildAsync(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "billing.db"),
            ["Portal:DataDirectory"] = folder,
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration);
        services.AddBillingStorage(configuration).AddPayments(configuration);
        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IBillingStoreSchema>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>Pending payments with their CheckoutRequestIDs, as the push left them, and the callback each will get.</summary>
    private static async Task<List<(string PaymentId, string Body)>> PreparePaymentsAsync(IServiceProvider services, int count)
    {
        var plans = services.GetRequiredService<IPlanStore>();
        var payments = services.GetRequiredService<IPaymentStore>();
        var active = await plans.ListActiveAsync(null, CancellationToken.None);
        var plan = active.Count > 0 ? active[0] : await plans.CreateAsync(new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1)), CancellationToken.None);
        var prepared = new List<(string, string)>(count);
        var batch = Guid.NewGuid().ToString("N")[..8];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var phone = PhoneNumber.Parse(string.Create(CultureInfo.InvariantCulture, $"07{i % 100_000_000:D8}"));
            var payment = await payments.CreateAsync(
                Payment.Initiate(new PaymentInitiation(plan, phone, null, MacAddress.Parse("02:00:00:00:00:01"), null), DateTimeOffset.UtcNow), ct);
            var checkout = string.Create(CultureInfo.InvariantCulture, $"ws_CO_{batch}_{i:D9}");
            await payments.AttachCheckoutAsync(payment.Id, checkout, null, DateTimeOffset.UtcNow.AddMinutes(5), ct);
            var body = Callback(checkout, plan.PriceKes, string.Create(CultureInfo.InvariantCulture, $"R{batch[..3].ToUpperInvariant()}{i:D7}"), phone.Value);
            lock (prepared)
            {
                prepared.Add((payment.Id, body));
            }
        });
        return prepared;
    }

    private static async Task MeasureAsync(IServiceProvider services, List<(string PaymentId, string Body)> work, int concurrency, string? print)
    {
        var handler = services.GetRequiredService<StkCallbackHandler>();
        var payments = services.GetRequiredService<IPaymentStore>();
        var histogram = new LongHistogram(TimeStamp.Minutes(1), 3);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (item, _) =>
        {
            var started = Stopwatch.GetTimestamp();
            var handling = await handler.HandleAsync(item.Body, CancellationToken.None);
            var elapsed = Stopwatch.GetTimestamp() - started;
            if (handling.Result != StkCallbackResult.Applied || handling.Payment?.Status != PaymentStatus.Paid)
            {
                throw new InvalidOperationException($"Callback was {handling.Result}, not applied.");
            }

            lock (histogram)
            {
                histogram.RecordValue(elapsed);
            }
        });
        clock.Stop();

        // Every measured callback must have left a durable voucher, or the figures would flatter a broken path.
        foreach (var (paymentId, _) in work)
        {
            if ((await payments.FindAsync(paymentId, CancellationToken.None))?.VoucherCode is null)
            {
                throw new InvalidOperationException("A paid payment has no voucher after its callback.");
            }
        }

        if (print is null)
        {
            return;
        }

        static string Ms(long ticks) => (ticks * 1000.0 / Stopwatch.Frequency).ToString("0.00", CultureInfo.InvariantCulture);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{print}: {work.Count} callbacks in {clock.Elapsed.TotalSeconds:0.0} s ({work.Count / clock.Elapsed.TotalSeconds:0} /s); "
            + $"p50 {Ms(histogram.GetValueAtPercentile(50))} ms, p90 {Ms(histogram.GetValueAtPercentile(90))} ms, "
            + $"p99 {Ms(histogram.GetValueAtPercentile(99))} ms, p99.9 {Ms(histogram.GetValueAtPercentile(99.9))} ms, max {Ms(histogram.GetMaxValue())} ms"));
    }

    private static string Callback(string checkout, long amount, string receipt, string msisdn) =>
        "{\"Body\":{\"stkCallback\":{\"MerchantRequestID\":\"29115-34620561-1\",\"CheckoutRequestID\":\"" + checkout
        + "\",\"ResultCode\":0,\"ResultDesc\":\"The service request is processed successfully.\",\"CallbackMetadata\":{\"Item\":["
        + "{\"Name\":\"Amount\",\"Value\":" + amount.ToString(CultureInfo.InvariantCulture) + ".00},"
        + "{\"Name\":\"MpesaReceiptNumber\",\"Value\":\"" + receipt + "\"},{\"Name\":\"Balance\"},"
        + "{\"Name\":\"TransactionDate\",\"Value\":20250115101530},{\"Name\":\"PhoneNumber\",\"Value\":" + msisdn + "}]}}}}";
}
