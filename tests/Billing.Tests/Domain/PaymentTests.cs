using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class PaymentTests
{
    private readonly FakeTimeProvider _clock = new(TestPlans.Start);

    [Fact]
    public void Initiate_TakesThePlansPriceAndAnUnguessableId()
    {
        var payment = NewPayment();

        payment.Status.Should().Be(PaymentStatus.Pending);
        payment.AmountKes.Should().Be(20);
        payment.Plan.Name.Should().Be("1 Hour");
        payment.Id.Should().StartWith("pay_").And.HaveLength(4 + 22, "128 random bits in base64url");
        NewPayment().Id.Should().NotBe(payment.Id);
    }

    [Fact]
    public void Initiate_InactivePlan_NamesPlanId()
    {
        var plan = Plan.Create("pln_x", new PlanDefinition("Old", 20, TimeSpan.FromHours(1), Active: false), TestPlans.Start);

        var act = () => Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), null, null, null), _clock.GetUtcNow());

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("planId");
    }

    [Fact]
    public void Initiate_PlanNotSoldOnThisRouter_NamesPlanId()
    {
        var plan = Plan.Create("pln_x", new PlanDefinition("Campus", 20, TimeSpan.FromHours(1), AllowedRouterIds: ["rtr_campus"]), TestPlans.Start);

        var act = () => Payment.Initiate(new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), "rtr_cafe", null, null), _clock.GetUtcNow());

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("planId");
    }

    [Fact]
    public void Apply_PaidThenDuplicates_AreAlreadyApplied_AndPaidNeverChanges()
    {
        var payment = NewPayment();
        payment.AttachCheckout("ws_CO_1", "m-1", _clock.GetUtcNow().AddSeconds(30), _clock.GetUtcNow());

        payment.Apply(PaymentOutcome.Paid("0", "ok", "RKTQDM7W6S", 20), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.Applied);
        payment.Apply(PaymentOutcome.Paid("0", "ok", "RKTQDM7W6S", 20), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.AlreadyApplied);
        payment.Apply(PaymentOutcome.Unpaid(PaymentStatus.Failed, "1", "Insufficient funds"), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.Ignored);
        payment.Apply(PaymentOutcome.Unpaid(PaymentStatus.TimedOut, null, null), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.Ignored);

        payment.Status.Should().Be(PaymentStatus.Paid);
        payment.MpesaReceipt.Should().Be("RKTQDM7W6S");
        payment.PaidAmountKes.Should().Be(20);
        payment.PaidAt.Should().Be(_clock.GetUtcNow());
        payment.NextQueryAt.Should().BeNull("a settled payment needs no query");
    }

    [Theory]
    [InlineData(PaymentStatus.Failed)]
    [InlineData(PaymentStatus.Cancelled)]
    [InlineData(PaymentStatus.TimedOut)]
    public void Apply_PendingToUnpaid_IsApplied(PaymentStatus status)
    {
        var payment = NewPayment();

        payment.Apply(PaymentOutcome.Unpaid(status, "1032", "Request cancelled by user"), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.Applied);

        payment.Status.Should().Be(status);
        payment.ResultCode.Should().Be("1032");
    }

    [Fact]
    public void Apply_LateSuccessAfterTimeout_BecomesPaid()
    {
        var payment = NewPayment();
        payment.MarkTimedOut("no answer", null, _clock.GetUtcNow()).Should().BeTrue();

        payment.Apply(PaymentOutcome.Paid("0", "ok", "RKL51ZDR4F", 20), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.Applied);

        payment.Status.Should().Be(PaymentStatus.Paid, "money received always becomes internet");
    }

    [Fact]
    public void Apply_CancelledThenPaid_IsIgnored()
    {
        var payment = NewPayment();
        payment.Apply(PaymentOutcome.Unpaid(PaymentStatus.Cancelled, "1032", "cancelled"), _clock.GetUtcNow());

        payment.Apply(PaymentOutcome.Paid("0", "ok", "R1", 20), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.Ignored);
    }

    [Fact]
    public void Apply_PaidByQueryWithoutReceipt_LearnsTheReceiptFromALaterCallback()
    {
        var payment = NewPayment();
        payment.Apply(PaymentOutcome.Paid("0", "query", null, null), _clock.GetUtcNow());

        payment.Apply(PaymentOutcome.Paid("0", "callback", "RKL51ZDR4F", 20), _clock.GetUtcNow()).Should().Be(OutcomeDisposition.AlreadyApplied);

        payment.MpesaReceipt.Should().Be("RKL51ZDR4F");
        payment.PaidAmountKes.Should().Be(20, "a query result carries no amount: the stored amount is what was paid");
    }

    [Fact]
    public void ClaimForQuery_IsExclusiveUntilTheLeaseEnds()
    {
        var payment = NewPayment();
        payment.AttachCheckout("ws_CO_1", null, _clock.GetUtcNow().AddSeconds(30), _clock.GetUtcNow());
        payment.TryClaimForQuery("a", _clock.GetUtcNow().AddMinutes(1), _clock.GetUtcNow()).Should().BeFalse("not due yet");

        _clock.Advance(TimeSpan.FromSeconds(30));
        payment.TryClaimForQuery("a", _clock.GetUtcNow().AddMinutes(1), _clock.GetUtcNow()).Should().BeTrue();
        payment.TryClaimForQuery("b", _clock.GetUtcNow().AddMinutes(1), _clock.GetUtcNow()).Should().BeFalse("a holds it");

        _clock.Advance(TimeSpan.FromMinutes(1));
        payment.TryClaimForQuery("b", _clock.GetUtcNow().AddMinutes(1), _clock.GetUtcNow()).Should().BeTrue("a's lease ran out");
        payment.RescheduleQuery("a", _clock.GetUtcNow().AddMinutes(2), _clock.GetUtcNow()).Should().BeFalse("only the holder reschedules");
        payment.RescheduleQuery("b", _clock.GetUtcNow().AddMinutes(2), _clock.GetUtcNow()).Should().BeTrue();
        payment.QueryAttempts.Should().Be(1);
        payment.LeaseOwner.Should().BeNull();
    }

    [Fact]
    public void MarkPushFailed_OnlyFromPending()
    {
        var payment = NewPayment();

        payment.MarkPushFailed("500.001.1001", "Unable to lock subscriber", _clock.GetUtcNow()).Should().BeTrue();
        payment.MarkPushFailed("x", "y", _clock.GetUtcNow()).Should().BeFalse();
        payment.Status.Should().Be(PaymentStatus.Failed);
        payment.ResultCode.Should().Be("500.001.1001");
    }

    [Fact]
    public void AttachVoucher_OnlyForPaid_AndOnlyOnce()
    {
        var payment = NewPayment();
        var early = () => payment.AttachVoucher("7K3M9P2QXZ", _clock.GetUtcNow());
        early.Should().Throw<BillingConflictException>();

        payment.Apply(PaymentOutcome.Paid("0", "ok", "R1", 20), _clock.GetUtcNow());
        payment.AttachVoucher("7K3M9P2QXZ", _clock.GetUtcNow()).Should().BeTrue();
        payment.AttachVoucher("7K3M9P2QXZ", _clock.GetUtcNow()).Should().BeFalse();
        var second = () => payment.AttachVoucher("AAAAAAAAAA", _clock.GetUtcNow());
        second.Should().Throw<BillingConflictException>();
    }

    [Fact]
    public void C2B_Receive_ValidatesTransIdAndAmount()
    {
        var missingId = () => C2BPayment.Receive(" ", 10, null, null, null, null, null, _clock.GetUtcNow());
        var zero = () => C2BPayment.Receive("RKTQDM7W6S", 0, null, null, null, null, null, _clock.GetUtcNow());

        missingId.Should().Throw<BillingValidationException>().Which.Field.Should().Be("transId");
        zero.Should().Throw<BillingValidationException>().Which.Field.Should().Be("transAmount");
    }

    private Payment NewPayment()
    {
        var plan = Plan.Create("pln_1h", new PlanDefinition("1 Hour", 20, TimeSpan.FromHours(1)), TestPlans.Start);
        return Payment.Initiate(
            new PaymentInitiation(plan, PhoneNumber.Parse("0712345678"), "rtr_a", MacAddress.Parse("BC:24:11:EB:56:4D"), "10.5.50.2"),
            _clock.GetUtcNow());
    }
}
