using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Checkout;
using WifiBilling.Billing.Payments.Reconciliation;
using WifiBilling.Billing.Payments.Recovery;
using WifiBilling.Billing.Payments.Status;
using WifiBilling.Billing.Storage;
using WifiBilling.Billing.Tests.Storage;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>
/// The payment services as the application builds them (<c>AddBillingStorage</c> + <c>AddPayments</c>) on a real SQLite
/// file, talking real HTTP to the Daraja simulator on 127.0.0.1:0, and a real HTTP callback receiver that hands each
/// body to <see cref="StkCallbackHandler"/> after checking the key, as the Portal does. One <see cref="FakeTimeProvider"/>
/// drives both sides: moving it fires the simulator's callbacks.
/// </summary>
internal sealed class PaymentsTestRig : IAsyncDisposable
{
    private readonly string _folder;
    private readonly WebApplication _receiver;
    private ServiceProvider _services = null!;

    private PaymentsTestRig(string folder, FakeTimeProvider time, DarajaSimulatorHost simulator, WebApplication receiver)
    {
        _folder = folder;
        Time = time;
        Simulator = simulator;
        _receiver = receiver;
    }

    public FakeTimeProvider Time { get; }

    public DarajaSimulatorHost Simulator { get; }

    public IServiceProvider Services => _services;

    /// <summary>Every callback the receiver got, in arrival order.</summary>
    public ConcurrentQueue<ReceivedStkCallback> Received { get; } = new();

    /// <summary>Runs when a callback arrives, before it is handled (to look at the store at that moment).</summary>
    public Func<string, Task>? OnCallbackArriving { get; set; }

    public IPaymentStore Payments => _services.GetRequiredService<IPaymentStore>();

    public IPlanStore Plans => _services.GetRequiredService<IPlanStore>();

    public IVoucherStore Vouchers => _services.GetRequiredService<IVoucherStore>();

    public PaymentCheckout Checkout => _services.GetRequiredService<PaymentCheckout>();

    public StkCallbackHandler Callbacks => _services.GetRequiredService<StkCallbackHandler>();

    public PaymentStatusReader Status => _services.GetRequiredService<PaymentStatusReader>();

    public PaymentRecovery Recovery => _services.GetRequiredService<PaymentRecovery>();

    public PaymentReconciler Reconciler => _services.GetRequiredService<PaymentReconciler>();

    public static async Task<PaymentsTestRig> StartAsync(IVoucherCodeGenerator? codes = null, params (string Key, string? Value)[] settings)
    {
        var folder = SqliteBackend.NewFolder();
        var time = new FakeTimeProvider(new DateTimeOffset(2024, 7, 10, 6, 15, 26, TimeSpan.Zero));
        var simulator = await DarajaSimulatorHost.StartAsync(IPAddress.Loopback, 0, timeProvider: time);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var receiver = builder.Build();
        var rig = new PaymentsTestRig(folder, time, simulator, receiver);
        receiver.MapPost("/api/payments/callback/{key}", rig.ReceiveAsync);
        await receiver.StartAsync();
        var receiverAddress = receiver.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        var values = new Dictionary<string, string?>
        {
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "billing.db"),
            ["Portal:DataDirectory"] = folder,
            ["Daraja:BaseUrlOverride"] = simulator.BaseAddress.AbsoluteUri,
            ["Daraja:CallbackBaseUrl"] = receiverAddress,
            ["Daraja:RequestTimeout"] = "00:00:05",
            ["Daraja:TokenRetryDelay"] = "00:00:00.010",
            ["MPESA_CONSUMER_KEY"] = DarajaSimulatorOptions.DefaultConsumerKey,
            ["MPESA_CONSUMER_SECRET"] = DarajaSimulatorOptions.DefaultConsumerSecret,
            ["SHORTCODE"] = DarajaSimulatorOptions.SandboxShortCode,
            ["PASSKEY"] = DarajaSimulatorOptions.SandboxPassKey,
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time).AddSingleton<IConfiguration>(configuration);
        if (codes is not null)
        {
            services.AddSingleton(codes);
        }

        services.AddBillingStorage(configuration).AddPayments(configuration);
        rig._services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await rig._services.GetRequiredService<IBillingStoreSchema>().EnsureCreatedAsync(CancellationToken.None);
        return rig;
    }

    public async Task<Plan> CreatePlanAsync(long priceKes = 20, string name = "1 Hour", TimeSpan? duration = null, bool active = true) =>
        await Plans.CreateAsync(
            new PlanDefinition(name, priceKes, duration ?? TimeSpan.FromHours(1), PlanMode.Validity, null, null, 1, active),
            CancellationToken.None);

    /// <summary>Pushes to <paramref name="phone"/> end with <paramref name="resultCode"/> after <paramref name="delay"/> (default 3 s).</summary>
    public void Outcome(string phone, string resultCode, TimeSpan? delay = null, CallbackFault callback = CallbackFault.None,
        PendingQueryStyle? pendingQuery = null) =>
        Simulator.State.Outcomes.ForPhone(
            Msisdn(phone), new StkOutcomePlan(resultCode, CallbackDelay: delay, Callback: callback, PendingQuery: pendingQuery));

    public static string Msisdn(string phone) => PhoneNumber.Parse(phone).Value;

    public Task<Payment> PayAsync(Plan plan, string phone, string? mac = "BC:24:11:EB:56:4D", string? ip = "10.5.50.2", string? router = null) =>
        Checkout.StartAsync(new PurchaseRequest(plan.Id, phone, mac, ip, router), CancellationToken.None);

    /// <summary>Moves the shared clock (fires due simulator callbacks), then lets the work they start run.</summary>
    public void Advance(TimeSpan by) => Time.Advance(by);

    /// <summary>Polls the store (real time, up to 20 s) until the payment satisfies <paramref name="done"/>.</summary>
    public async Task<Payment> WaitForAsync(string paymentId, Func<Payment, bool> done)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var payment = await Payments.FindAsync(paymentId, CancellationToken.None);
            if (payment is not null && done(payment))
            {
                return payment;
            }

            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"Payment is still {payment?.Status} after 20 s.");
            }

            await Task.Delay(20);
        }
    }

    public Task<Payment> WaitForStatusAsync(string paymentId, PaymentStatus status) => WaitForAsync(paymentId, p => p.Status == status);

    /// <summary>Waits (real time, up to 20 s) until the receiver has handled <paramref name="count"/> callbacks.</summary>
    public async Task<IReadOnlyList<ReceivedStkCallback>> WaitForCallbacksAsync(int count)
    {
        var deadline = Stopwatch.StartNew();
        while (Received.Count(c => c.Handling is not null) < count)
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"Expected {count} handled callbacks, got {Received.Count(c => c.Handling is not null)}.");
            }

            await Task.Delay(20);
        }

        return [.. Received];
    }

    public async Task<long> VoucherCountAsync() =>
        (await Vouchers.ListAsync(new VoucherQuery(Limit: 1), CancellationToken.None)).Total;

    public async ValueTask DisposeAsync()
    {
        await _receiver.StopAsync();
        await _receiver.DisposeAsync();
        await Simulator.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IResult> ReceiveAsync(string key, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync();
        var received = new ReceivedStkCallback(body, Stopwatch.GetTimestamp());
        Received.Enqueue(received);
        if (!_services.GetRequiredService<PaymentCallbackKey>().Matches(key))
        {
            return Results.Unauthorized();
        }

        if (OnCallbackArriving is { } probe)
        {
            await probe(body);
        }

        received.Handling = await Callbacks.HandleAsync(body, CancellationToken.None);
        return received.Handling.Acknowledge
            ? Results.Json(new { ResultCode = 0, ResultDesc = "Accepted" })
            : Results.BadRequest();
    }
}
