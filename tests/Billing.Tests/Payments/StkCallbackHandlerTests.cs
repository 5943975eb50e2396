using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Status;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>Callbacks from the simulator over real HTTP, and crafted ones: outcomes, duplicates, amounts, unknown ids.</summary>
public sealed class StkCallbackHandlerTests : IAsyncLifetime
{
    private const string Phone = "0712345678";
    private PaymentsTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await PaymentsTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData("1032", PaymentStatus.Cancelled)]
    [InlineData("1", PaymentStatus.Failed)]
    [InlineData("1037", PaymentStatus.TimedOut)]
    [InlineData("2001", PaymentStatus.Failed)]
    [InlineData("1019", PaymentStatus.TimedOut)]
    [InlineData("17", PaymentStatus.Failed)]
    public async Task FailureCode_SetsTheStatus_AndTheCustomerMessage(string resultCode, PaymentStatus status)
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome(Phone, resultCode);
        var payment = await _rig.PayAsync(plan, Phone);

        _rig.Advance(TimeSpan.FromSeconds(3));

        var settled = await _rig.WaitForAsync(payment.Id, p => p.Status != PaymentStatus.Pending);
        settled.Status.Should().Be(status);
        settled.ResultCode.Should().Be(resultCode);
        settled.VoucherCode.Should().BeNull();
        var expected = StkResultCodes.Describe(resultCode);
        var view = await _rig.Status.GetAsync(payment.Id, CancellationToken.None);
        view!.Message.Should().Be(new CustomerMessage(expected.CustomerMessageEnglish, expected.CustomerMessageSwahili));
        view.Voucher.Should().BeNull();
        (await _rig.VoucherCountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task StringResultCode_SFC_IC0003_FailsThePayment()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);

        var handling = await _rig.Callbacks.HandleAsync(
            StkCallbackBodies.Failure(payment.CheckoutRequestId!, "\"SFC_IC0003\"", "The operator does not exist."), CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.Applied);
        handling.Payment!.Status.Should().Be(PaymentStatus.Failed);
        PaymentMessages.For(handling.Payment).En.Should().Contain("operator");
    }

    [Fact]
    public async Task PaidCallback_DuplicatedBySimulator_MintsOneVoucherBoundToThePayingDevice()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome(Phone, "0", callback: CallbackFault.Duplicate);
        var payment = await _rig.PayAsync(plan, Phone, mac: "BC:24:11:EB:56:4D");

        _rig.Advance(TimeSpan.FromSeconds(3));
        await _rig.WaitForCallbacksAsync(1);
        _rig.Advance(TimeSpan.FromSeconds(1));
        var callbacks = await _rig.WaitForCallbacksAsync(2);

        callbacks.Select(c => c.Handling!.Result).Should().Equal(StkCallbackResult.Applied, StkCallbackResult.Duplicate);
        var paid = await _rig.Payments.FindAsync(payment.Id, CancellationToken.None);
        paid!.Status.Should().Be(PaymentStatus.Paid);
        paid.MpesaReceipt.Should().Be(_rig.Simulator.State.FindTransaction(payment.CheckoutRequestId!)!.ReceiptNumber);
        (await _rig.VoucherCountAsync()).Should().Be(1);
        var voucher = await _rig.Vouchers.FindAsync(paid.VoucherCode!, CancellationToken.None);
        voucher!.PaymentId.Should().Be(payment.Id);
        voucher.BoundMacs.Should().Equal(MacAddress.Parse("BC:24:11:EB:56:4D"));
        voucher.Plan.PlanId.Should().Be(plan.Id);
        (await _rig.Payments.ListRawPayloadsAsync(payment.Id, CancellationToken.None)).Should().HaveCount(2, "both bodies are kept for audit");
    }

    [Fact]
    public async Task SuccessWithAnotherAmount_IsNotApplied_KeptForAudit_AndQueryStillSettlesIt()
    {
        var plan = await _rig.CreatePlanAsync(priceKes: 50);
        _rig.Outcome(Phone, "0", callback: CallbackFault.Lost);
        var payment = await _rig.PayAsync(plan, Phone);
        var forged = StkCallbackBodies.Success(payment.CheckoutRequestId!, 1, "NLJ7RT61SV", PaymentsTestRig.Msisdn(Phone));

        var handling = await _rig.Callbacks.HandleAsync(forged, CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.AmountMismatch);
        var stored = await _rig.Payments.FindAsync(payment.Id, CancellationToken.None);
        stored!.Status.Should().Be(PaymentStatus.Pending);
        stored.MpesaReceipt.Should().BeNull();
        stored.UpdatedAt.Should().Be(payment.UpdatedAt);
        (await _rig.Payments.ListRawPayloadsAsync(payment.Id, CancellationToken.None)).Should().Equal(forged);
        (await _rig.VoucherCountAsync()).Should().Be(0);

        // The truth comes from Daraja: the real transaction was paid (its callback was lost).
        _rig.Advance(TimeSpan.FromSeconds(21));
        await _rig.Reconciler.RunOnceAsync(CancellationToken.None);
        (await _rig.WaitForStatusAsync(payment.Id, PaymentStatus.Paid)).VoucherCode.Should().NotBeNull();
    }

    [Fact]
    public async Task StillProcessingInACallback_IsKeptForAudit_NotApplied()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);
        var odd = StkCallbackBodies.Failure(payment.CheckoutRequestId!, "4999", "The transaction is still under processing");

        var handling = await _rig.Callbacks.HandleAsync(odd, CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.Ignored);
        (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Pending);
        (await _rig.Payments.ListRawPayloadsAsync(payment.Id, CancellationToken.None)).Should().Equal(odd);
    }

    [Fact]
    public async Task FailureForAnUnknownCheckoutRequestId_ChangesNothing()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);

        var handling = await _rig.Callbacks.HandleAsync(StkCallbackBodies.Failure("ws_CO_000000000000000000", "1032"), CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.Unknown);
        (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Version.Should().Be(payment.Version);
        (await _rig.Payments.ListRawPayloadsAsync(payment.Id, CancellationToken.None)).Should().BeEmpty();
    }

    [Fact]
    public async Task SuccessNobodyCanTake_IsKeptByReceipt_AndRecoveredWithThePhone()
    {
        var plan = await _rig.CreatePlanAsync();
        var orphan = StkCallbackBodies.Success("ws_CO_000000000000000000", 20, "QKM0FXE6RK", "254712345678");

        var handling = await _rig.Callbacks.HandleAsync(orphan, CancellationToken.None);
        var again = await _rig.Callbacks.HandleAsync(orphan, CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.KeptForRecovery);
        again.Result.Should().Be(StkCallbackResult.KeptForRecovery);
        var kept = await _rig.Payments.FindC2BAsync("QKM0FXE6RK", CancellationToken.None);
        kept!.AmountKes.Should().Be(20);
        kept.RawPayload.Should().Be(orphan);
        (await _rig.VoucherCountAsync()).Should().Be(0, "nobody is waiting for it: the customer recovers it");

        var recovered = await _rig.Recovery.RecoverAsync("0712345678", "qkm0fxe6rk", "10.5.50.2", CancellationToken.None);
        recovered!.Voucher.Plan.PlanId.Should().Be(plan.Id);
        recovered.PaymentId.Should().BeNull();
    }

    [Fact]
    public async Task SuccessAfterTheQuerySaidCancelled_KeepsTheMoneyForRecovery()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);
        await _rig.Payments.ApplyQueryOutcomeAsync(
            payment.Id, PaymentOutcome.Unpaid(PaymentStatus.Cancelled, "1032", "Request cancelled by user"), null, CancellationToken.None);

        var handling = await _rig.Callbacks.HandleAsync(
            StkCallbackBodies.Success(payment.CheckoutRequestId!, 20, "UCQ5UAQ403", "254712345678"), CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.KeptForRecovery);
        (await _rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Cancelled);
        (await _rig.Recovery.RecoverAsync(Phone, "UCQ5UAQ403", null, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task Malformed_IsRefused_AndStoresNothing()
    {
        var handling = await _rig.Callbacks.HandleAsync("""{"Body":{"stkCallback":{"ResultCode":0}}}""", CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.Malformed);
        handling.Acknowledge.Should().BeFalse();
        handling.Error.Should().Contain("CheckoutRequestID");
    }

    [Fact]
    public async Task MintingFailsAfterTheCallbackIsRecorded_TheNextReaderMintsIt()
    {
        var codes = new FlakyVoucherCodes();
        await using var rig = await PaymentsTestRig.StartAsync(codes);
        var plan = await rig.CreatePlanAsync();
        var payment = await rig.PayAsync(plan, Phone);
        codes.Failing = true;

        var handling = await rig.Callbacks.HandleAsync(
            StkCallbackBodies.Success(payment.CheckoutRequestId!, 20, "NLJ7RT61SV", "254712345678"), CancellationToken.None);

        handling.Result.Should().Be(StkCallbackResult.Applied);
        handling.Acknowledge.Should().BeTrue("the callback is durable: Daraja gets its acknowledgement");
        (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.VoucherCode.Should().BeNull();
        (await rig.Status.GetAsync(payment.Id, CancellationToken.None))!.Voucher.Should().BeNull("minting still fails");

        codes.Failing = false;
        var view = await rig.Status.GetAsync(payment.Id, CancellationToken.None);

        view!.Voucher.Should().NotBeNull();
        view.Payment.Status.Should().Be(PaymentStatus.Paid);
        (await rig.VoucherCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task MintingFailsAfterTheCallbackIsRecorded_TheReconcilerMintsIt()
    {
        var codes = new FlakyVoucherCodes();
        await using var rig = await PaymentsTestRig.StartAsync(codes);
        var plan = await rig.CreatePlanAsync();
        var payment = await rig.PayAsync(plan, Phone);
        codes.Failing = true;
        await rig.Callbacks.HandleAsync(StkCallbackBodies.Success(payment.CheckoutRequestId!, 20, "NLJ7RT61SV", "254712345678"), CancellationToken.None);
        codes.Failing = false;

        await rig.Reconciler.RunOnceAsync(CancellationToken.None);

        (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.VoucherCode.Should().NotBeNull();
        (await rig.VoucherCountAsync()).Should().Be(1);
    }
}
