using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Simulators.Daraja;
using Xunit.Abstractions;

namespace WifiBilling.EndToEnd.Tests.Payments;

/// <summary>
/// Chaos: over a thousand payments through the real Portal (HTTP pay → STK push → the mounted simulator → callbacks
/// back over HTTP, with the reconciler running), with random outcomes and duplicated, reordered, late and lost
/// callbacks, callbacks that overtake the push answer, and pushes whose answer never arrives. At the end every payment
/// Daraja (the simulator's truth) considers paid has exactly one voucher, no other payment has one, and no callback
/// was acknowledged before what it said was committed. Set CHAOS_SEED to replay a run.
/// </summary>
public sealed class PaymentChaosTests(ITestOutputHelper output) : IDisposable
{
    private const int Customers = 1000;
    private const int PushesWithLostAnswers = 12;
    private const int ParallelCustomers = 8;

    private readonly ChaosPortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task ThousandPayments_WithCallbackChaos_EveryPaidPaymentHasExactlyOneVoucher_AndNoOtherHasOne()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("CHAOS_SEED"), CultureInfo.InvariantCulture, out var given) ? given : 20250115;
        output.WriteLine($"CHAOS_SEED={seed}");
        var random = new Random(seed);
        var clock = Stopwatch.StartNew();
        var client = _portal.Client;
        var simulator = _portal.Services.GetRequiredService<DarajaSimulatorState>();

        // Pushes whose answer we never get (Daraja answers after our 2 s timeout): outcome unknown, stays pending.
        var lostAnswers = Enumerable.Range(0, PushesWithLostAnswers).Select(i => ChaosScenario.Create(i, random, pushAnswerLost: true)).ToList();
        lostAnswers.ForEach(s => simulator.Outcomes.ForPhone(s.Msisdn, s.Outcome));
        simulator.Faults.Add(new ResponseFault(
            SimulatedOperation.StkPush, ResponseShape.SlowResponse, Delay: TimeSpan.FromSeconds(3), Times: PushesWithLostAnswers));
        await Task.WhenAll(lostAnswers.Select(s => PayAsync(client, s)));

        var customers = Enumerable.Range(PushesWithLostAnswers, Customers).Select(i => ChaosScenario.Create(i, random, pushAnswerLost: false)).ToList();
        customers.ForEach(s => simulator.Outcomes.ForPhone(s.Msisdn, s.Outcome));
        await Parallel.ForEachAsync(customers, new ParallelOptions { MaxDegreeOfParallelism = ParallelCustomers }, async (s, _) => await PayAsync(client, s));
        output.WriteLine($"{PushesWithLostAnswers + Customers} payments started in {clock.Elapsed.TotalSeconds:0.0} s");

        // Callbacks (0–20 s, late ones 30 s after), duplicates, first queries at 20 s, give-up at 3 min, late queries.
        for (var second = 0; second < 60; second++)
        {
            await StepAsync(TimeSpan.FromSeconds(1));
        }

        var fakeElapsed = TimeSpan.FromMinutes(1);
        while (!await SettledAsync() && fakeElapsed < TimeSpan.FromMinutes(45) && clock.Elapsed < TimeSpan.FromSeconds(150))
        {
            var step = fakeElapsed < TimeSpan.FromMinutes(6) ? TimeSpan.FromSeconds(5) : TimeSpan.FromMinutes(1);
            await StepAsync(step);
            fakeElapsed += step;
        }

        output.WriteLine($"settled after {fakeElapsed.TotalMinutes:0.0} simulated minutes, {clock.Elapsed.TotalSeconds:0.0} s real");
        await VerifyAsync(simulator);
    }

    private static async Task PayAsync(HttpClient client, ChaosScenario customer)
    {
        using var response = await client.PostAsJsonAsync(
            "/api/payments/pay", new { planId = customer.PlanId, phone = customer.Phone, mac = customer.Mac, ip = customer.Ip });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Moves the shared clock, then waits (real time) until no request is in flight and no due callback is unsent.</summary>
    private async Task StepAsync(TimeSpan by)
    {
        _portal.Time.Advance(by);
        var simulator = _portal.Services.GetRequiredService<DarajaSimulatorState>();
        var quiet = 0;
        var deadline = Stopwatch.StartNew();
        while (quiet < 3 && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(15);
            var now = _portal.Time.GetUtcNow();
            var undelivered = simulator.Transactions.Any(t => t.Callback != CallbackFault.Lost
                && t.CallbackTimes.Count(at => at <= now) > t.Deliveries.Count);
            quiet = _portal.Probe.InFlight == 0 && !undelivered ? quiet + 1 : 0;
        }
    }

    /// <summary>True when no payment is pending and every paid one has its voucher (the reconciler has nothing left).</summary>
    private async Task<bool> SettledAsync()
    {
        var payments = _portal.Services.GetRequiredService<IPaymentStore>();
        var pending = await payments.ListAsync(new PaymentQuery(PaymentStatus.Pending, Limit: 1), CancellationToken.None);
        if (pending.Total > 0)
        {
            return false;
        }

        var simulator = _portal.Services.GetRequiredService<DarajaSimulatorState>();
        var now = _portal.Time.GetUtcNow();
        if (simulator.Transactions.Any(t => !t.IsCompleted(now) || (t.Callback != CallbackFault.Lost && t.Deliveries.Count < t.CallbackTimes.Count)))
        {
            return false;
        }

        var all = await ListAllAsync((offset, limit) => payments.ListAsync(new PaymentQuery(Offset: offset, Limit: limit), CancellationToken.None));
        var paidPhones = simulator.Transactions.Where(t => t.IsPaid).Select(t => t.PhoneNumber).ToHashSet();
        return all.Where(p => paidPhones.Contains(p.Phone.Value)).All(p => p.Status == PaymentStatus.Paid && p.VoucherCode is not null);
    }

    private async Task VerifyAsync(DarajaSimulatorState simulator)
    {
        var paymentStore = _portal.Services.GetRequiredService<IPaymentStore>();
        var voucherStore = _portal.Services.GetRequiredService<IVoucherStore>();
        var payments = (await ListAllAsync((o, l) => paymentStore.ListAsync(new PaymentQuery(Offset: o, Limit: l), CancellationToken.None)))
            .ToDictionary(p => p.Phone.Value);
        var vouchers = await ListAllAsync((o, l) => voucherStore.ListAsync(new VoucherQuery(Offset: o, Limit: l), CancellationToken.None));
        var vouchersByPayment = vouchers.Where(v => v.PaymentId is not null).GroupBy(v => v.PaymentId!).ToDictionary(g => g.Key, g => g.ToList());
        var truths = simulator.Transactions;
        var now = _portal.Time.GetUtcNow();

        payments.Should().HaveCount(PushesWithLostAnswers + Customers);
        truths.Should().HaveCount(PushesWithLostAnswers + Customers, "one push per payment, none repeated");
        var problems = new List<string>();
        foreach (var truth in truths)
        {
            var payment = payments[truth.PhoneNumber];
            var minted = vouchersByPayment.GetValueOrDefault(payment.Id) ?? [];
            if (!truth.IsCompleted(now))
            {
                problems.Add($"{truth.PhoneNumber}: the simulator never completed it");
            }
            else if (truth.IsPaid)
            {
                if (payment.Status != PaymentStatus.Paid || minted.Count != 1 || payment.VoucherCode != minted[0].Code.Value)
                {
                    problems.Add($"{truth.PhoneNumber}: paid at Daraja but {payment.Status} with {minted.Count} voucher(s) (callback {truth.Callback})");
                }
            }
            else
            {
                var expected = StkResultCodes.Describe(truth.ResultCode).Outcome switch
                {
                    StkPaymentOutcome.Cancelled => PaymentStatus.Cancelled,
                    StkPaymentOutcome.TimedOut => PaymentStatus.TimedOut,
                    _ => PaymentStatus.Failed,
                };
                if (minted.Count != 0 || payment.Status == PaymentStatus.Paid)
                {
                    problems.Add($"{truth.PhoneNumber}: not paid at Daraja ({truth.ResultCode}) but {payment.Status} with {minted.Count} voucher(s)");
                }
                else if (payment.CheckoutRequestId is not null && payment.Status != expected)
                {
                    problems.Add($"{truth.PhoneNumber}: Daraja says {truth.ResultCode} but the payment is {payment.Status}, not {expected}");
                }
            }

            if (truth.Deliveries.Any(d => d.StatusCode != 200))
            {
                problems.Add($"{truth.PhoneNumber}: a callback was not acknowledged: {string.Join(", ", truth.Deliveries.Select(d => d.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? d.Error))}");
            }
        }

        var paidAtDaraja = truths.Count(t => t.IsPaid);
        output.WriteLine($"{paidAtDaraja} paid at Daraja, {vouchers.Count} vouchers; {_portal.Probe.Acknowledged} callbacks acknowledged "
            + $"({_portal.Probe.AcknowledgedWithoutRecord} failures for unknown ids); faults: "
            + string.Join(", ", truths.GroupBy(t => t.Callback).Select(g => $"{g.Key} {g.Count()}")));
        problems.Should().BeEmpty();
        vouchers.Should().HaveCount(paidAtDaraja, "no voucher exists except one per paid payment");
        _portal.Probe.Violations.Should().BeEmpty("no callback is answered before what it says is committed");
        _portal.Probe.Acknowledged.Should().Be(truths.Sum(t => t.Deliveries.Count), "the probe saw every delivered callback");
        payments.Values.Count(p => p.Status == PaymentStatus.Paid && p.MpesaReceipt is null).Should().BeGreaterThan(0, "some were paid by STK Query alone");
        var unanswered = truths.Where(t => payments[t.PhoneNumber].CheckoutRequestId is null || t.CheckoutRequestId != payments[t.PhoneNumber].CheckoutRequestId);
        _portal.Probe.AcknowledgedWithoutRecord.Should().Be(
            truths.Where(t => !t.IsPaid && payments[t.PhoneNumber].CheckoutRequestId is null).Sum(t => t.Deliveries.Count),
            "only failures for pushes whose answer never came find no payment (nothing moved, nothing to keep)");
        truths.Where(t => t.IsPaid).Should().OnlyContain(t => payments[t.PhoneNumber].CheckoutRequestId == t.CheckoutRequestId,
            "a paid push whose answer was lost is matched to its payment by phone and amount");
        unanswered.Should().OnlyContain(t => !t.IsPaid);
    }

    private static async Task<List<T>> ListAllAsync<T>(Func<int, int, Task<Page<T>>> page)
    {
        var all = new List<T>();
        while (true)
        {
            var next = await page(all.Count, PageRequest.MaxLimit);
            all.AddRange(next.Items);
            if (next.Items.Count < PageRequest.MaxLimit)
            {
                return all;
            }
        }
    }
}
