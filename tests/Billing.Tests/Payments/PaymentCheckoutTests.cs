using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Billing.Payments.Checkout;
using WifiBilling.Billing.Payments.Status;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>Starting a payment: validation, the payment stored before the push, refused and unknown-outcome pushes.</summary>
public sealed class PaymentCheckoutTests : IAsyncLifetime
{
    private PaymentsTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await PaymentsTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData(null, "0712345678", null, null, null, "planId")]
    [InlineData("pln_unknown", "0712345678", null, null, null, "planId")]
    [InlineData("{plan}", "12345", null, null, null, "phone")]
    [InlineData("{plan}", null, null, null, null, "phone")]
    [InlineData("{plan}", "0712345678", "not-a-mac", null, null, "mac")]
    [InlineData("{plan}", "0712345678", null, "10.5.50.300", null, "ip")]
    [InlineData("{plan}", "0712345678", null, null, "unknown-hotspot", "router")]
    [InlineData("{inactive}", "0712345678", null, null, null, "planId")]
    public async Task Start_BadInput_NamesTheField_AndNeitherStoresNorPushes(
        string? planId, string? phone, string? mac, string? ip, string? router, string field)
    {
        var plan = await _rig.CreatePlanAsync();
        var inactive = await _rig.CreatePlanAsync(active: false, name: "Old plan");
        planId = planId?.Replace("{plan}", plan.Id, StringComparison.Ordinal).Replace("{inactive}", inactive.Id, StringComparison.Ordinal);

        var act = () => _rig.Checkout.StartAsync(new PurchaseRequest(planId, phone, mac, ip, router), CancellationToken.None);

        (await act.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be(field);
        (await _rig.Payments.ListAsync(new PaymentQuery(), CancellationToken.None)).Total.Should().Be(0);
        _rig.Simulator.State.RequestCount(SimulatedOperation.StkPush).Should().Be(0);
    }

    [Fact]
    public async Task Start_PlanNotSoldOnTheHotspot_IsAFieldError()
    {
        var router = await _rig.Services.GetRequiredService<IRouterStore>().CreateAsync(
            new RouterDefinition("Cafe", "cafe-1", null, 3799, true, null, true), "s3cret-s3cret", CancellationToken.None);
        var elsewhere = await _rig.Plans.CreateAsync(
            new PlanDefinition("Campus hour", 20, TimeSpan.FromHours(1), AllowedRouterIds: ["rtr_other"]), CancellationToken.None);

        var act = () => _rig.Checkout.StartAsync(new PurchaseRequest(elsewhere.Id, "0712345678", null, null, "CAFE-1"), CancellationToken.None);

        (await act.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be("planId");
        router.NasIdentifier.Should().Be("cafe-1");
    }

    [Fact]
    public async Task Start_AcceptedPush_StoresPlanAmountPhoneRouterMacIp_AndTheCheckoutRequestId()
    {
        var router = await _rig.Services.GetRequiredService<IRouterStore>().CreateAsync(
            new RouterDefinition("Cafe", "cafe-1", null, 3799, true, null, true), "s3cret-s3cret", CancellationToken.None);
        var plan = await _rig.CreatePlanAsync(priceKes: 50, name: "4 Hours");

        var payment = await _rig.PayAsync(plan, "0712 345 678", mac: "bc-24-11-eb-56-4d", ip: "10.5.50.7", router: "cafe-1");

        payment.Status.Should().Be(PaymentStatus.Pending);
        payment.AmountKes.Should().Be(50);
        payment.Plan.PlanId.Should().Be(plan.Id);
        payment.Phone.Value.Should().Be("254712345678");
        payment.RouterId.Should().Be(router.Id);
        payment.Mac!.Value.Should().Be("BC:24:11:EB:56:4D");
        payment.ClientIp.Should().Be("10.5.50.7");
        payment.CheckoutRequestId.Should().StartWith("ws_CO_");
        payment.NextQueryAt.Should().Be(_rig.Time.GetUtcNow() + TimeSpan.FromSeconds(20), "the reconciler asks if no callback comes");
        var pushed = _rig.Simulator.State.FindTransaction(payment.CheckoutRequestId!)!;
        pushed.Amount.Should().Be(50);
        pushed.PhoneNumber.Should().Be("254712345678");
        pushed.AccountReference.Should().Be("4 Hours");
        pushed.CallbackUrl.Should().EndWith("/api/payments/callback/" + _rig.Services.GetRequiredService<PaymentCallbackKey>().Value);
        PaymentMessages.For(payment).En.Should().Contain("KES 50").And.Contain("PIN");
    }

    [Fact]
    public async Task Start_CallbackOvertakesThePushAnswer_StillFindsTheStoredPayment()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome("0712345678", "0", delay: TimeSpan.Zero);

        // Daraja answers the push 1.5 s late while the callback (no delay) is posted at once.
        _rig.Simulator.State.Faults.Add(new ResponseFault(SimulatedOperation.StkPush, ResponseShape.SlowResponse, Delay: TimeSpan.FromMilliseconds(1500)));
        long paymentsStoredWhenCallbackArrived = -1;
        _rig.OnCallbackArriving = async _ => paymentsStoredWhenCallbackArrived =
            (await _rig.Payments.ListAsync(new PaymentQuery(Phone: PhoneNumber.Parse("0712345678")), CancellationToken.None)).Total;

        var payment = await _rig.PayAsync(plan, "0712345678");
        var pushReturnedAt = Stopwatch.GetTimestamp();

        var callback = (await _rig.WaitForCallbacksAsync(1)).Single();
        callback.ArrivedAt.Should().BeLessThan(pushReturnedAt, "the callback came while the push was still waiting for its answer");
        paymentsStoredWhenCallbackArrived.Should().Be(1, "the payment is stored before the push is sent");
        callback.Handling!.Result.Should().Be(StkCallbackResult.Applied, "it waited for the push in flight and found its payment");
        var paid = await _rig.WaitForStatusAsync(payment.Id, PaymentStatus.Paid);
        paid.MpesaReceipt.Should().NotBeNullOrEmpty("the receipt came with the callback");
        paid.VoucherCode.Should().NotBeNull();
        (await _rig.VoucherCountAsync()).Should().Be(1);
    }

    [Theory]
    [InlineData("400.002.02", "Bad Request - Invalid PhoneNumber", 400, "push:BadRequest:PhoneNumber", "phone number")]
    [InlineData("500.001.1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber", 500, "push:SubscriberLocked", "Another M-Pesa request")]
    [InlineData("500.003.02", "Spike Arrest Violation", 500, "push:RateLimited", "busy")]
    [InlineData("500.001.1001", "Merchant does not exist", 500, "push:MerchantDoesNotExist", "not available")]
    public async Task Start_RefusedPush_FailsThePayment_WithACustomerMessage(
        string errorCode, string errorMessage, int status, string storedCode, string messagePart)
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Simulator.State.Faults.Add(new ResponseFault(SimulatedOperation.StkPush, ResponseShape.JsonError, status, errorCode, errorMessage));

        var payment = await _rig.PayAsync(plan, "0712345678");

        payment.Status.Should().Be(PaymentStatus.Failed);
        payment.ResultCode.Should().Be(storedCode);
        payment.NextQueryAt.Should().BeNull("nothing reached the phone, so there is nothing to ask about");
        var message = PaymentMessages.For(payment);
        message.En.Should().Contain(messagePart);
        message.Sw.Should().NotBeNullOrWhiteSpace().And.NotBe(message.En);
        (await _rig.PayAsync(plan, "0712345678")).Status.Should().Be(PaymentStatus.Pending, "a refused push never locks the customer out");
    }

    [Fact]
    public async Task Start_PushTimesOut_StaysPending_AndItsCallbackIsMatchedByPhoneAndAmount()
    {
        await using var rig = await PaymentsTestRig.StartAsync(settings: ("Daraja:RequestTimeout", "00:00:01"));
        var plan = await rig.CreatePlanAsync();
        rig.Outcome("0712345678", "0", delay: TimeSpan.FromSeconds(3));
        rig.Simulator.State.Faults.Add(new ResponseFault(SimulatedOperation.StkPush, ResponseShape.SlowResponse, Delay: TimeSpan.FromSeconds(3)));

        var payment = await rig.PayAsync(plan, "0712345678");

        payment.Status.Should().Be(PaymentStatus.Pending, "the customer may have been asked for the PIN: never fail or push again");
        payment.CheckoutRequestId.Should().BeNull();
        PaymentMessages.For(payment).En.Should().Contain("waiting for M-Pesa to confirm");
        var pushed = rig.Simulator.State.Transactions.Should().ContainSingle().Subject;

        rig.Advance(TimeSpan.FromSeconds(3));

        var callback = (await rig.WaitForCallbacksAsync(1)).Single();
        callback.Handling!.Result.Should().Be(StkCallbackResult.MatchedByPhone);
        var paid = await rig.WaitForStatusAsync(payment.Id, PaymentStatus.Paid);
        paid.CheckoutRequestId.Should().Be(pushed.CheckoutRequestId);
        paid.VoucherCode.Should().NotBeNull();
    }

    [Fact]
    public async Task Start_PushTimesOut_AndNoCallbackComes_TimesOutAfterTheGiveUpTime()
    {
        await using var rig = await PaymentsTestRig.StartAsync(settings: ("Daraja:RequestTimeout", "00:00:01"));
        var plan = await rig.CreatePlanAsync();
        rig.Outcome("0712345678", "1032", callback: CallbackFault.Lost);
        rig.Simulator.State.Faults.Add(new ResponseFault(SimulatedOperation.StkPush, ResponseShape.SlowResponse, Delay: TimeSpan.FromSeconds(3)));
        var payment = await rig.PayAsync(plan, "0712345678");

        rig.Advance(TimeSpan.FromMinutes(2));
        await rig.Reconciler.RunOnceAsync(CancellationToken.None);
        (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Pending, "not yet given up");
        rig.Advance(TimeSpan.FromMinutes(1.5));
        await rig.Reconciler.RunOnceAsync(CancellationToken.None);

        var timedOut = (await rig.Payments.FindAsync(payment.Id, CancellationToken.None))!;
        timedOut.Status.Should().Be(PaymentStatus.TimedOut);
        PaymentMessages.For(timedOut).En.Should().Contain("I already paid");
        (await rig.PayAsync(plan, "0712345678")).Status.Should().Be(PaymentStatus.Pending, "after giving up the phone may try again");
    }
}
