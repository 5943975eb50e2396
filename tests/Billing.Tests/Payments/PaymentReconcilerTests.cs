using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Payments.Reconciliation;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>The reconciler against the simulator: lost callbacks, "still processing", give-up, late success, two instances.</summary>
public sealed class PaymentReconcilerTests : IAsyncLifetime
{
    private const string Phone = "0712345678";
    private PaymentsTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await PaymentsTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task LostCallback_PaidByQuery_MintsTheVoucher_AndALateCallbackAddsTheReceipt()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome(Phone, "0", callback: CallbackFault.Late);
        var payment = await _rig.PayAsync(plan, Phone);

        _rig.Advance(TimeSpan.FromSeconds(10));
        await _rig.Reconciler.RunOnceAsync(CancellationToken.None);
        (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Pending, "not due for a query yet");
        _rig.Simulator.State.RequestCount(SimulatedOperation.StkQuery).Should().Be(0);

        _rig.Advance(TimeSpan.FromSeconds(10));
        await _rig.Reconciler.RunOnceAsync(CancellationToken.None);

        var paid = await _rig.Payments.FindAsync(payment.Id, CancellationToken.None);
        paid!.Status.Should().Be(PaymentStatus.Paid);
        paid.MpesaReceipt.Should().BeNull("a query answer carries no receipt");
        paid.PaidAmountKes.Should().Be(20);
        paid.VoucherCode.Should().NotBeNull();

        _rig.Advance(TimeSpan.FromSeconds(30));
        await _rig.WaitForCallbacksAsync(1);
        var withReceipt = await _rig.WaitForAsync(payment.Id, p => p.MpesaReceipt is not null);
        withReceipt.VoucherCode.Should().Be(paid.VoucherCode, "the late callback is a duplicate: same voucher");
        (await _rig.VoucherCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task StillProcessing_IsNeverAFailure_ThenTimesOut_AndALateSuccessStillMintsTheVoucher()
    {
        await using var rig = await PaymentsTestRig.StartAsync(settings: ("Payments:Reconciler:LateQueries:0", "00:05:00"));
        var plan = await rig.CreatePlanAsync();
        rig.Outcome(Phone, "0", delay: TimeSpan.FromMinutes(6), callback: CallbackFault.Lost, pendingQuery: PendingQueryStyle.ResultCode4999);
        var payment = await rig.PayAsync(plan, Phone);

        for (var second = 0; second < 170; second += 10)
        {
            rig.Advance(TimeSpan.FromSeconds(10));
            await rig.Reconciler.RunOnceAsync(CancellationToken.None);
            (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Pending);
        }

        var queries = rig.Simulator.State.RequestCount(SimulatedOperation.StkQuery);
        queries.Should().BeInRange(3, 6, "backoff from 20 s growing × 1.5 up to 60 s");
        rig.Advance(TimeSpan.FromSeconds(15));
        await rig.Reconciler.RunOnceAsync(CancellationToken.None);
        var timedOut = (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!;
        timedOut.Status.Should().Be(PaymentStatus.TimedOut);
        timedOut.NextQueryAt.Should().Be(payment.CreatedAt + TimeSpan.FromMinutes(3) + TimeSpan.FromMinutes(5), "one late query planned");

        rig.Advance(TimeSpan.FromMinutes(5));
        await rig.Reconciler.RunOnceAsync(CancellationToken.None);

        var paid = (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!;
        paid.Status.Should().Be(PaymentStatus.Paid, "money received always becomes internet");
        paid.VoucherCode.Should().NotBeNull();
    }

    [Fact]
    public async Task TimedOutPayment_WhoseLateQueriesSayNothing_StopsBeingQueried()
    {
        await using var rig = await PaymentsTestRig.StartAsync(settings: ("Payments:Reconciler:LateQueries:0", "00:02:00"));
        var plan = await rig.CreatePlanAsync();
        rig.Outcome(Phone, "0", delay: TimeSpan.FromHours(2), callback: CallbackFault.Lost);
        var payment = await rig.PayAsync(plan, Phone);
        for (var minute = 0; minute < 6; minute++)
        {
            rig.Advance(TimeSpan.FromMinutes(1));
            await rig.Reconciler.RunOnceAsync(CancellationToken.None);
        }

        var stopped = (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!;
        stopped.Status.Should().Be(PaymentStatus.TimedOut);
        stopped.NextQueryAt.Should().BeNull("its only late query was asked");
        var queries = rig.Simulator.State.RequestCount(SimulatedOperation.StkQuery);
        rig.Advance(TimeSpan.FromHours(1));
        await rig.Reconciler.RunOnceAsync(CancellationToken.None);
        rig.Simulator.State.RequestCount(SimulatedOperation.StkQuery).Should().Be(queries);
    }

    [Fact]
    public async Task QueryFinalFailure_IsApplied()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome(Phone, "1032", callback: CallbackFault.Lost);
        var payment = await _rig.PayAsync(plan, Phone);

        _rig.Advance(TimeSpan.FromSeconds(20));
        await _rig.Reconciler.RunOnceAsync(CancellationToken.None);

        var cancelled = (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!;
        cancelled.Status.Should().Be(PaymentStatus.Cancelled);
        cancelled.ResultCode.Should().Be("1032");
        cancelled.NextQueryAt.Should().BeNull();
        (await _rig.Payments.ListRawPayloadsAsync(payment.Id, CancellationToken.None)).Should().ContainSingle()
            .Which.Should().Contain("1032", "the query answer is kept for audit");
    }

    [Fact]
    public async Task DarajaErrors_OnQuery_AreRetried_NotFailures()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome(Phone, "0", callback: CallbackFault.Lost);
        var payment = await _rig.PayAsync(plan, Phone);
        _rig.Simulator.State.Faults.Add(new ResponseFault(SimulatedOperation.StkQuery, ResponseShape.Html, 503, Times: 1));

        _rig.Advance(TimeSpan.FromSeconds(20));
        await _rig.Reconciler.RunOnceAsync(CancellationToken.None);
        var afterError = (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!;
        afterError.Status.Should().Be(PaymentStatus.Pending);
        afterError.QueryAttempts.Should().Be(1);

        _rig.Advance(TimeSpan.FromSeconds(30));
        await _rig.Reconciler.RunOnceAsync(CancellationToken.None);
        (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Paid);
    }

    [Fact]
    public async Task TwoInstances_NeverQueryTheSamePayment()
    {
        var plan = await _rig.CreatePlanAsync();
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var phone = $"07220000{i:D2}";
            _rig.Outcome(phone, "0", callback: CallbackFault.Lost);
            ids.Add((await _rig.PayAsync(plan, phone, mac: null, ip: null)).Id);
        }

        var second = ActivatorUtilities.CreateInstance<PaymentReconciler>(_rig.Services);
        second.Owner.Should().NotBe(_rig.Reconciler.Owner);
        _rig.Advance(TimeSpan.FromSeconds(20));

        await Task.WhenAll(_rig.Reconciler.RunOnceAsync(CancellationToken.None), second.RunOnceAsync(CancellationToken.None));

        _rig.Simulator.State.RequestCount(SimulatedOperation.StkQuery).Should().Be(12, "each payment was claimed by exactly one instance");
        foreach (var id in ids)
        {
            (await _rig.Payments.FindAsync(id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Paid);
        }

        (await _rig.VoucherCountAsync()).Should().Be(12);
    }
}
