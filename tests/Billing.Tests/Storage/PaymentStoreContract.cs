using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Storage;

/// <summary>Payments: the callback state machine, exactly-once minting, the reconciler's leases, reports.</summary>
public abstract class PaymentStoreContract<TBackend> : StoreContract<TBackend>
    where TBackend : IStoreBackend, new()
{
    private const string CheckoutId = "ws_CO_191220191020363925";

    [SkippableFact]
    public async Task Create_StoresThePendingPaymentBeforeThePush()
    {
        var payment = await CreatePendingPaymentAsync();

        var stored = await Stores.Payments.FindAsync(payment.Id, default);
        stored!.Status.Should().Be(PaymentStatus.Pending);
        stored.Phone.Value.Should().Be("254712345678");
        stored.AmountKes.Should().Be(20);
        stored.Mac.Should().Be(PhoneMac);
        stored.RouterId.Should().Be("rtr_a");
        stored.ClientIp.Should().Be("10.5.50.2");
        stored.MerchantRequestId.Should().Be("29115-34620561-1");
        stored.NextQueryAt.Should().Be(Clock.GetUtcNow().AddSeconds(45));
        stored.Plan.Should().Be(payment.Plan);
        (await Stores.Payments.FindByCheckoutRequestIdAsync(CheckoutId, default))!.Id.Should().Be(payment.Id);
    }

    [SkippableFact]
    public async Task AttachCheckout_IdOfAnotherPayment_IsAConflict()
    {
        await CreatePendingPaymentAsync();
        var plan = await CreatePlanAsync();
        var other = await Stores.Payments.CreateAsync(
            Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0722000000"), null, null, null), Clock.GetUtcNow()), default);

        var act = () => Stores.Payments.AttachCheckoutAsync(other.Id, CheckoutId, null, null, default);

        await act.Should().ThrowAsync<BillingConflictException>();
    }

    [SkippableFact]
    public async Task RecordCallback_AppliesOnce_DuplicatesAreNoOps_PaidNeverChanges()
    {
        var payment = await CreatePendingPaymentAsync();
        Clock.Advance(TimeSpan.FromSeconds(12));

        var applied = await Stores.Payments.RecordCallbackAsync(CheckoutId, Paid("NLJ7RT61SV"), """{"Body":{"stkCallback":{"ResultCode":0}}}""", default);
        var duplicate = await Stores.Payments.RecordCallbackAsync(CheckoutId, Paid("NLJ7RT61SV"), """{"Body":{"stkCallback":{"ResultCode":0}}}""", default);
        var contradiction = await Stores.Payments.RecordCallbackAsync(
            CheckoutId, PaymentOutcome.Unpaid(PaymentStatus.Cancelled, "1032", "Request cancelled by user"), """{"ResultCode":1032}""", default);

        applied.Disposition.Should().Be(OutcomeDisposition.Applied);
        duplicate.Disposition.Should().Be(OutcomeDisposition.AlreadyApplied);
        contradiction.Disposition.Should().Be(OutcomeDisposition.Ignored);
        var stored = await Stores.Payments.FindAsync(payment.Id, default);
        stored!.Status.Should().Be(PaymentStatus.Paid);
        stored.MpesaReceipt.Should().Be("NLJ7RT61SV");
        stored.PaidAmountKes.Should().Be(20);
        stored.PaidAt.Should().Be(Clock.GetUtcNow());
        stored.NextQueryAt.Should().BeNull();
        (await Stores.Payments.FindByReceiptAsync("NLJ7RT61SV", default))!.Id.Should().Be(payment.Id);
        (await Stores.Payments.ListRawPayloadsAsync(payment.Id, default)).Should().HaveCount(3, "every callback body is kept for audit");
    }

    [SkippableFact]
    public async Task RecordCallback_UnknownCheckoutRequestId_StoresNothing()
    {
        var payment = await CreatePendingPaymentAsync();

        var result = await Stores.Payments.RecordCallbackAsync("ws_CO_unknown", Paid("NLJ7RT61SV"), "{}", default);

        result.Disposition.Should().Be(OutcomeDisposition.UnknownPayment);
        result.Payment.Should().BeNull();
        (await Stores.Payments.FindAsync(payment.Id, default))!.Status.Should().Be(PaymentStatus.Pending);
        (await Stores.Payments.FindByReceiptAsync("NLJ7RT61SV", default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task RecordCallbackAndMint_PaidMintsInTheSameStep_DuplicatesReturnTheSameVoucher()
    {
        var payment = await CreatePendingPaymentAsync();

        var paid = await Stores.Payments.RecordCallbackAndMintAsync(CheckoutId, Paid("NLJ7RT61SV"), """{"ResultCode":0}""", default);
        var duplicate = await Stores.Payments.RecordCallbackAndMintAsync(CheckoutId, Paid("NLJ7RT61SV"), """{"ResultCode":0}""", default);

        paid.Outcome.Disposition.Should().Be(OutcomeDisposition.Applied);
        paid.MintFailure.Should().BeNull();
        paid.Voucher!.PaymentId.Should().Be(payment.Id);
        paid.Voucher.BoundMacs.Should().Equal(PhoneMac);
        paid.Outcome.Payment!.VoucherCode.Should().Be(paid.Voucher.Code.Value, "the returned payment already links its voucher");
        duplicate.Outcome.Disposition.Should().Be(OutcomeDisposition.AlreadyApplied);
        duplicate.Voucher!.Code.Should().Be(paid.Voucher.Code);
        (await Stores.Vouchers.ListAsync(new VoucherQuery(), default)).Total.Should().Be(1);
        (await Stores.Payments.ListRawPayloadsAsync(payment.Id, default)).Should().HaveCount(2);
    }

    [SkippableFact]
    public async Task RecordCallbackAndMint_FailureOrUnknown_MintsNothing()
    {
        await CreatePendingPaymentAsync();

        var cancelled = await Stores.Payments.RecordCallbackAndMintAsync(
            CheckoutId, PaymentOutcome.Unpaid(PaymentStatus.Cancelled, "1032", "Request cancelled by user"), "{}", default);
        var unknown = await Stores.Payments.RecordCallbackAndMintAsync("ws_CO_unknown", Paid("NLJ7RT61SV"), "{}", default);

        cancelled.Outcome.Payment!.Status.Should().Be(PaymentStatus.Cancelled);
        cancelled.Voucher.Should().BeNull();
        unknown.Outcome.Disposition.Should().Be(OutcomeDisposition.UnknownPayment);
        unknown.Voucher.Should().BeNull();
        (await Stores.Vouchers.ListAsync(new VoucherQuery(), default)).Total.Should().Be(0);
    }

    [SkippableFact]
    public async Task RecordRejectedCallback_KeepsTheBodyForAudit_AndChangesNothingElse()
    {
        var payment = await CreatePendingPaymentAsync();
        Clock.Advance(TimeSpan.FromSeconds(5));

        var kept = await Stores.Payments.RecordRejectedCallbackAsync(CheckoutId, """{"Amount":1}""", default);
        var unknown = await Stores.Payments.RecordRejectedCallbackAsync("ws_CO_unknown", "{}", default);

        kept!.Id.Should().Be(payment.Id);
        unknown.Should().BeNull("an unknown CheckoutRequestID stores nothing");
        var stored = await Stores.Payments.FindAsync(payment.Id, default);
        stored!.Status.Should().Be(PaymentStatus.Pending);
        stored.UpdatedAt.Should().Be(payment.UpdatedAt, "the payment itself does not change");
        stored.NextQueryAt.Should().Be(payment.NextQueryAt, "the reconciler still settles it by STK Query");
        (await Stores.Payments.ListRawPayloadsAsync(payment.Id, default)).Should().Equal("""{"Amount":1}""");
    }

    [SkippableFact]
    public async Task RescheduleQuery_WithoutANextTime_StopsQueryingATimedOutPayment()
    {
        var payment = await CreatePendingPaymentAsync();
        Clock.Advance(TimeSpan.FromSeconds(45));
        (await Stores.Payments.ClaimDueForQueryAsync("instance-a", 10, TimeSpan.FromMinutes(1), default)).Should().ContainSingle();
        await Stores.Payments.MarkTimedOutAsync(payment.Id, "no answer", Clock.GetUtcNow().AddMinutes(2), default);
        Clock.Advance(TimeSpan.FromMinutes(2));
        (await Stores.Payments.ClaimDueForQueryAsync("instance-a", 10, TimeSpan.FromMinutes(1), default)).Should().ContainSingle("one late query");

        var stopped = await Stores.Payments.RescheduleQueryAsync(payment.Id, "instance-a", null, default);

        stopped!.Status.Should().Be(PaymentStatus.TimedOut);
        stopped.NextQueryAt.Should().BeNull();
        stopped.LeaseOwner.Should().BeNull();
        Clock.Advance(TimeSpan.FromDays(1));
        (await Stores.Payments.ClaimDueForQueryAsync("instance-a", 10, TimeSpan.FromMinutes(1), default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task MarkPushFailed_FailsAPendingPayment()
    {
        var plan = await CreatePlanAsync();
        var payment = await Stores.Payments.CreateAsync(
            Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), null, null, null), Clock.GetUtcNow()), default);

        var failed = await Stores.Payments.MarkPushFailedAsync(payment.Id, "500.001.1001", "Unable to lock subscriber", default);

        failed!.Status.Should().Be(PaymentStatus.Failed);
        (await Stores.Payments.FindAsync(payment.Id, default))!.ResultDesc.Should().Be("Unable to lock subscriber");
    }

    [SkippableFact]
    public async Task MintVoucher_TwentyParallelCompletions_MintExactlyOneVoucher()
    {
        var payment = await CreatePendingPaymentAsync();
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // 20 racing "callback arrived → apply → mint" paths, as duplicate callbacks and the reconciler would race.
        var completions = Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            await Stores.Payments.RecordCallbackAsync(CheckoutId, Paid("NLJ7RT61SV"), "{}", default);
            return await Stores.Payments.MintVoucherAsync(payment.Id, default);
        })).ToList();
        start.SetResult();
        var vouchers = await Task.WhenAll(completions);

        vouchers.Select(v => v!.Code).Distinct().Should().ContainSingle("every caller gets the one voucher");
        var voucher = vouchers[0]!;
        voucher.PaymentId.Should().Be(payment.Id);
        voucher.Source.Should().Be(VoucherSource.Payment);
        voucher.BoundMacs.Should().Equal(PhoneMac);
        voucher.Phone!.Value.Should().Be("254712345678");
        (await Stores.Payments.FindAsync(payment.Id, default))!.VoucherCode.Should().Be(voucher.Code.Value);
        (await Stores.Vouchers.ListAsync(new VoucherQuery(PlanId: payment.Plan.PlanId), default)).Total.Should().Be(1);
    }

    [SkippableFact]
    public async Task MintVoucher_UnpaidPayment_IsAConflict_AndUnknownIsNull()
    {
        var payment = await CreatePendingPaymentAsync();

        var act = () => Stores.Payments.MintVoucherAsync(payment.Id, default);

        await act.Should().ThrowAsync<BillingConflictException>();
        (await Stores.Payments.MintVoucherAsync("pay_unknown", default)).Should().BeNull();
        (await Stores.Vouchers.ListAsync(new VoucherQuery(), default)).Total.Should().Be(0);
    }

    [SkippableFact]
    public async Task Reconciler_ClaimsAreExclusive_RescheduleAndTimeOut()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add((await CreatePendingPaymentAsync(checkoutRequestId: $"ws_CO_{i}")).Id);
        }

        (await Stores.Payments.ClaimDueForQueryAsync("instance-a", 10, TimeSpan.FromMinutes(1), default)).Should().BeEmpty("nothing is due yet");
        Clock.Advance(TimeSpan.FromSeconds(45));

        var claims = await Task.WhenAll(
            Stores.Payments.ClaimDueForQueryAsync("instance-a", 3, TimeSpan.FromMinutes(1), default),
            Stores.Payments.ClaimDueForQueryAsync("instance-b", 3, TimeSpan.FromMinutes(1), default));
        var claimed = claims.SelectMany(c => c).Select(p => p.Id).ToList();
        claimed.Should().OnlyHaveUniqueItems().And.BeEquivalentTo(ids, "two instances never query the same payment");
        (await Stores.Payments.ClaimDueForQueryAsync("instance-c", 10, TimeSpan.FromMinutes(1), default)).Should().BeEmpty();

        var heldByA = claims[0][0];
        (await Stores.Payments.RescheduleQueryAsync(heldByA.Id, "instance-b", Clock.GetUtcNow().AddMinutes(2), default))!.QueryAttempts
            .Should().Be(0, "only the holder may reschedule");
        var rescheduled = await Stores.Payments.RescheduleQueryAsync(heldByA.Id, "instance-a", Clock.GetUtcNow().AddMinutes(2), default);
        rescheduled!.QueryAttempts.Should().Be(1);
        rescheduled.LeaseOwner.Should().BeNull();

        Clock.Advance(TimeSpan.FromMinutes(2));
        var reclaimed = await Stores.Payments.ClaimDueForQueryAsync("instance-c", 10, TimeSpan.FromMinutes(1), default);
        reclaimed.Select(p => p.Id).Should().BeEquivalentTo(ids, "leases ran out and the rescheduled one is due");

        var timedOut = await Stores.Payments.MarkTimedOutAsync(heldByA.Id, "No answer from Daraja", null, default);
        timedOut!.Status.Should().Be(PaymentStatus.TimedOut);
        var late = await Stores.Payments.ApplyQueryOutcomeAsync(heldByA.Id, PaymentOutcome.Paid("0", "late", null, null), """{"ResultCode":"0"}""", default);
        late.Disposition.Should().Be(OutcomeDisposition.Applied);
        late.Payment!.Status.Should().Be(PaymentStatus.Paid, "a late success after a timeout still becomes internet");
        (await Stores.Payments.ListRawPayloadsAsync(heldByA.Id, default)).Should().ContainSingle();
    }

    [SkippableFact]
    public async Task Count_ByPhoneMacAndIpSince_WithStatusFilter()
    {
        var first = await CreatePendingPaymentAsync(checkoutRequestId: "ws_CO_1");
        await Stores.Payments.RecordCallbackAsync("ws_CO_1", PaymentOutcome.Unpaid(PaymentStatus.Cancelled, "1032", "cancelled"), "{}", default);
        Clock.Advance(TimeSpan.FromMinutes(5));
        await CreatePendingPaymentAsync(checkoutRequestId: "ws_CO_2");
        await CreatePendingPaymentAsync(phone: "0799000000", checkoutRequestId: "ws_CO_3", mac: LaptopMac);

        var since = first.CreatedAt;
        (await Stores.Payments.CountAsync(new PaymentCountQuery(since, Phone: PhoneNumber.Parse("0712345678")), default)).Should().Be(2);
        (await Stores.Payments.CountAsync(new PaymentCountQuery(since, Mac: PhoneMac), default)).Should().Be(2);
        (await Stores.Payments.CountAsync(new PaymentCountQuery(since, ClientIp: "10.5.50.2"), default)).Should().Be(3);
        (await Stores.Payments.CountAsync(new PaymentCountQuery(since, Phone: PhoneNumber.Parse("0712345678"), Statuses: [PaymentStatus.Pending, PaymentStatus.Paid]), default))
            .Should().Be(1, "a cancelled attempt does not count against the customer");
        (await Stores.Payments.CountAsync(new PaymentCountQuery(Clock.GetUtcNow().AddSeconds(1)), default)).Should().Be(0);
    }

    [SkippableFact]
    public async Task List_FiltersAndPages_NewestFirst()
    {
        var a = await CreatePendingPaymentAsync(checkoutRequestId: "ws_CO_1");
        Clock.Advance(TimeSpan.FromMinutes(1));
        var b = await CreatePendingPaymentAsync(phone: "0799000000", checkoutRequestId: "ws_CO_2", routerId: "rtr_b");
        await Stores.Payments.RecordCallbackAsync("ws_CO_2", Paid("R2"), "{}", default);

        (await Stores.Payments.ListAsync(new PaymentQuery(), default)).Items.Select(p => p.Id).Should().Equal(b.Id, a.Id);
        (await Stores.Payments.ListAsync(new PaymentQuery(Status: PaymentStatus.Paid), default)).Items.Select(p => p.Id).Should().Equal(b.Id);
        (await Stores.Payments.ListAsync(new PaymentQuery(Phone: PhoneNumber.Parse("0712345678")), default)).Items.Select(p => p.Id).Should().Equal(a.Id);
        (await Stores.Payments.ListAsync(new PaymentQuery(RouterId: "rtr_b"), default)).Items.Select(p => p.Id).Should().Equal(b.Id);
        (await Stores.Payments.ListAsync(new PaymentQuery(PlanId: a.Plan.PlanId), default)).Items.Select(p => p.Id).Should().Equal(a.Id);
        (await Stores.Payments.ListAsync(new PaymentQuery(CreatedFrom: b.CreatedAt), default)).Items.Select(p => p.Id).Should().Equal(b.Id);
        var page = await Stores.Payments.ListAsync(new PaymentQuery(Offset: 1, Limit: 1), default);
        page.Total.Should().Be(2);
        page.Items.Select(p => p.Id).Should().Equal(a.Id);
    }

    [SkippableFact]
    public async Task Revenue_GroupsPaidMoneyByKenyanDayRouterAndPlan_CountingEachReceiptOnce()
    {
        var hour = await CreatePlanAsync(priceKes: 20);
        var day = await CreatePlanAsync(priceKes: 80);
        // 20:30 UTC on the 15th is 23:30 in Nairobi (still the 15th); 21:30 UTC is 00:30 on the 16th.
        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 20, 30, 0, TimeSpan.Zero));
        await PayAsync("ws_CO_1", "R1", hour, "rtr_a");
        Clock.SetUtcNow(new DateTimeOffset(2026, 1, 15, 21, 30, 0, TimeSpan.Zero));
        await PayAsync("ws_CO_2", "R2", day, "rtr_b");
        await PayAsync("ws_CO_3", "R3", day, "rtr_a");
        await CreatePendingPaymentAsync(checkoutRequestId: "ws_CO_4", plan: day); // pending: no money yet
        await Stores.Payments.RecordC2BAsync(C2BPayment.Receive("C2BDIRECT1", 50, "acc", "2547 ***** 126", "600638", null, "{}", Clock.GetUtcNow()), default);
        await Stores.Payments.RecordC2BAsync(C2BPayment.Receive("R3", 80, "acc", "2547 ***** 126", "600638", null, "{}", Clock.GetUtcNow()), default);

        var from = new DateTimeOffset(2026, 1, 15, 0, 0, 0, TimeSpan.Zero);
        var to = from.AddDays(2);
        (await Stores.Payments.GetRevenueAsync(from, to, RevenueGrouping.Day, default)).Should().Equal(
            new RevenueLine("2026-01-15", 20, 1),
            new RevenueLine("2026-01-16", 210, 3));
        (await Stores.Payments.GetRevenueAsync(from, to, RevenueGrouping.Router, default)).Should().Equal(
            new RevenueLine(string.Empty, 50, 1),
            new RevenueLine("rtr_a", 100, 2),
            new RevenueLine("rtr_b", 80, 1));
        (await Stores.Payments.GetRevenueAsync(from, to, RevenueGrouping.Plan, default)).Should().BeEquivalentTo(new[]
        {
            new RevenueLine(string.Empty, 50, 1),
            new RevenueLine(hour.Id, 20, 1),
            new RevenueLine(day.Id, 160, 2),
        });
        (await Stores.Payments.GetRevenueAsync(to, to.AddDays(1), RevenueGrouping.Day, default)).Should().BeEmpty();
    }

    [SkippableFact]
    public async Task C2B_RecordIsIdempotent_AndRecoveryMintsExactlyOnce()
    {
        var plan = await CreatePlanAsync(priceKes: 50);
        var confirmation = C2BPayment.Receive("RKTQDM7W6S", 50, "invoice008", "2547 ***** 126", "600638", TestStartUtc, """{"TransID":"RKTQDM7W6S"}""", Clock.GetUtcNow());

        (await Stores.Payments.RecordC2BAsync(confirmation, default)).Created.Should().BeTrue();
        (await Stores.Payments.RecordC2BAsync(confirmation, default)).Created.Should().BeFalse();

        var vouchers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => Stores.Payments.MintVoucherForC2BAsync("RKTQDM7W6S", plan.Snapshot(), default))));

        vouchers.Select(v => v!.Code).Distinct().Should().ContainSingle();
        var stored = await Stores.Payments.FindC2BAsync("RKTQDM7W6S", default);
        stored!.VoucherCode.Should().Be(vouchers[0]!.Code.Value);
        stored.PlanId.Should().Be(plan.Id);
        stored.Msisdn.Should().Be("2547 ***** 126");
        stored.TransTime.Should().Be(TestStartUtc);
        (await Stores.Payments.MintVoucherForC2BAsync("UNKNOWN", plan.Snapshot(), default)).Should().BeNull();
    }

    [SkippableFact]
    public async Task C2B_ReceiptOfAnStkPayment_RecoversThatPaymentsVoucher()
    {
        var payment = await CreatePendingPaymentAsync();
        await Stores.Payments.RecordCallbackAsync(CheckoutId, Paid("NLJ7RT61SV"), "{}", default);
        var minted = await Stores.Payments.MintVoucherAsync(payment.Id, default);
        await Stores.Payments.RecordC2BAsync(C2BPayment.Receive("NLJ7RT61SV", 20, null, null, null, null, null, Clock.GetUtcNow()), default);

        var recovered = await Stores.Payments.MintVoucherForC2BAsync("NLJ7RT61SV", payment.Plan, default);

        recovered!.Code.Should().Be(minted!.Code, "one payment, one voucher");
    }

    private static DateTimeOffset TestStartUtc => Domain.TestPlans.Start;

    private async Task PayAsync(string checkoutRequestId, string receipt, Plan plan, string routerId)
    {
        await CreatePendingPaymentAsync(checkoutRequestId: checkoutRequestId, plan: plan, routerId: routerId);
        var result = await Stores.Payments.RecordCallbackAsync(checkoutRequestId, Paid(receipt, plan.PriceKes), "{}", default);
        result.Disposition.Should().Be(OutcomeDisposition.Applied);
    }
}
