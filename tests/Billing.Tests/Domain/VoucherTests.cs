using Microsoft.Extensions.Time.Testing;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class VoucherTests
{
    private static readonly MacAddress Phone = MacAddress.Parse("BC:24:11:EB:56:4D");
    private static readonly MacAddress Laptop = MacAddress.Parse("30:39:26:86:CC:EA");
    private static readonly MacAddress Tablet = MacAddress.Parse("00:11:22:33:44:55");

    private readonly FakeTimeProvider _clock = new(TestPlans.Start);

    [Fact]
    public void Validity_FirstLogin_ActivatesAndEndsOneDurationLater()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        _clock.Advance(TimeSpan.FromDays(3)); // bought days ago: validity counts from the first login

        var admission = voucher.Admit(Phone, "rtr_a", _clock.GetUtcNow());

        admission.Admitted.Should().BeTrue();
        admission.Changed.Should().BeTrue();
        voucher.Status.Should().Be(VoucherStatus.Active);
        voucher.ActivatedAt.Should().Be(_clock.GetUtcNow());
        voucher.ExpiresAt.Should().Be(_clock.GetUtcNow().AddHours(1));
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromHours(1));
    }

    [Fact]
    public void Validity_WallClockRunsWhetherConnectedOrNot()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Admit(Phone, null, _clock.GetUtcNow());

        _clock.Advance(TimeSpan.FromMinutes(45));
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(15));

        _clock.Advance(TimeSpan.FromMinutes(20));
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.Zero, "remaining time is never negative");
        voucher.IsDue(_clock.GetUtcNow()).Should().BeTrue();
        voucher.StatusAt(_clock.GetUtcNow()).Should().Be(VoucherStatus.Expired);
        voucher.Admit(Phone, null, _clock.GetUtcNow()).Refusal.Should().Be(LoginRefusal.Expired);
    }

    [Fact]
    public void Uptime_OnlyConnectedTimeCounts()
    {
        var voucher = NewVoucher(TestPlans.Uptime(TimeSpan.FromHours(2)));
        voucher.Admit(Phone, null, _clock.GetUtcNow());
        voucher.ExpiresAt.Should().BeNull("an uptime voucher has no wall-clock end");

        voucher.ConsumeUsage(1800, 0);
        _clock.Advance(TimeSpan.FromDays(2)); // days offline cost nothing

        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(90));
        voucher.IsDue(_clock.GetUtcNow()).Should().BeFalse();

        voucher.ConsumeUsage(5400 + 120, 0); // accounting can overshoot by an interim interval
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.Zero);
        voucher.Expire(_clock.GetUtcNow()).Should().BeTrue();
        voucher.Status.Should().Be(VoucherStatus.Expired);
    }

    [Fact]
    public void Expire_BeforeTheEnd_ChangesNothing()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Expire(_clock.GetUtcNow()).Should().BeFalse("an unused voucher is not due");
        voucher.Admit(Phone, null, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(59));

        voucher.Expire(_clock.GetUtcNow()).Should().BeFalse();
        voucher.Status.Should().Be(VoucherStatus.Active);
    }

    [Fact]
    public void Extend_UnusedVoucher_AddsToItsDuration()
    {
        var voucher = NewVoucher(TestPlans.Validity());

        voucher.Extend(TimeSpan.FromMinutes(30), _clock.GetUtcNow());
        voucher.Admit(Phone, null, _clock.GetUtcNow());

        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(90));
    }

    [Fact]
    public void Extend_ActiveValidityVoucher_MovesTheEndLater()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Admit(Phone, null, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(40));

        voucher.Extend(TimeSpan.FromMinutes(30), _clock.GetUtcNow());

        voucher.ExpiresAt.Should().Be(TestPlans.Start.AddMinutes(90));
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(50));
    }

    [Fact]
    public void Extend_ExpiredValidityVoucher_ExtendsFromNowAndReactivates()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Admit(Phone, null, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromHours(5));
        voucher.Expire(_clock.GetUtcNow()).Should().BeTrue();

        voucher.Extend(TimeSpan.FromMinutes(30), _clock.GetUtcNow());

        voucher.Status.Should().Be(VoucherStatus.Active);
        voucher.ExpiresAt.Should().Be(_clock.GetUtcNow().AddMinutes(30), "time that passed while expired is not sold again");
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(30));
        voucher.Admit(Phone, null, _clock.GetUtcNow()).Admitted.Should().BeTrue();
    }

    [Fact]
    public void Extend_ExhaustedUptimeVoucher_GetsExactlyTheExtension()
    {
        var voucher = NewVoucher(TestPlans.Uptime(TimeSpan.FromHours(1)));
        voucher.Admit(Phone, null, _clock.GetUtcNow());
        voucher.ConsumeUsage(3600 + 300, 0);
        voucher.Expire(_clock.GetUtcNow());

        voucher.Extend(TimeSpan.FromMinutes(20), _clock.GetUtcNow());

        voucher.Status.Should().Be(VoucherStatus.Active);
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.FromMinutes(20));
    }

    [Fact]
    public void Extend_RevokedVoucher_IsAConflict()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Revoke(_clock.GetUtcNow());

        var act = () => voucher.Extend(TimeSpan.FromMinutes(30), _clock.GetUtcNow());

        act.Should().Throw<BillingConflictException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    public void Extend_LessThanAMinute_NamesTheField(int seconds)
    {
        var voucher = NewVoucher(TestPlans.Validity());

        var act = () => voucher.Extend(TimeSpan.FromSeconds(seconds), _clock.GetUtcNow());

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("extension");
    }

    [Fact]
    public void Admit_BindsUpToTheDeviceLimitAndRefusesTheNext()
    {
        var voucher = NewVoucher(TestPlans.Validity(deviceLimit: 2));

        voucher.Admit(Phone, null, _clock.GetUtcNow()).Admitted.Should().BeTrue();
        voucher.Admit(Laptop, null, _clock.GetUtcNow()).Admitted.Should().BeTrue();
        var third = voucher.Admit(Tablet, null, _clock.GetUtcNow());

        third.Refusal.Should().Be(LoginRefusal.DeviceLimitReached);
        voucher.BoundMacs.Should().Equal(Phone, Laptop);
    }

    [Fact]
    public void Admit_AlreadyBoundDevice_IsAlwaysAdmittedWithoutAChange()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Admit(Phone, null, _clock.GetUtcNow());
        _clock.Advance(TimeSpan.FromMinutes(10));

        var again = voucher.Admit(Phone, null, _clock.GetUtcNow());

        again.Admitted.Should().BeTrue();
        again.Changed.Should().BeFalse();
        voucher.ActivatedAt.Should().Be(TestPlans.Start, "a re-login does not restart the clock");
    }

    [Fact]
    public void Admit_RevokedVoucher_IsRefusedAsRevokedFirst()
    {
        var voucher = NewVoucher(TestPlans.Validity());
        voucher.Revoke(_clock.GetUtcNow()).Should().BeTrue();
        voucher.Revoke(_clock.GetUtcNow()).Should().BeFalse("revoking twice changes nothing");

        voucher.Admit(Phone, null, _clock.GetUtcNow()).Refusal.Should().Be(LoginRefusal.Revoked);
        voucher.RemainingTime(_clock.GetUtcNow()).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Admit_RouterNotInThePlan_IsRefusedAndBindsNothing()
    {
        var voucher = NewVoucher(TestPlans.Validity(allowedRouterIds: ["rtr_campus"]));

        voucher.Admit(Phone, "rtr_cafe", _clock.GetUtcNow()).Refusal.Should().Be(LoginRefusal.RouterNotAllowed);
        voucher.BoundMacs.Should().BeEmpty();
        voucher.Status.Should().Be(VoucherStatus.Unused);

        voucher.Admit(Phone, "rtr_campus", _clock.GetUtcNow()).Admitted.Should().BeTrue();
    }

    [Fact]
    public void DataCap_CountsBytesAcrossGigawords_AndRefusesWhenUsedUp()
    {
        const long fiveGigabytes = 5_000_000_000;
        var voucher = NewVoucher(TestPlans.Validity(dataCapBytes: fiveGigabytes));
        voucher.Admit(Phone, null, _clock.GetUtcNow());

        // 4 GiB + 100 bytes: a counter that wrapped once (Acct-*-Gigawords = 1).
        voucher.ConsumeUsage(600, WifiBilling.Billing.Domain.Sessions.OctetCounter.Combine(100, 1));
        voucher.RemainingBytes.Should().Be(fiveGigabytes - 4_294_967_396);

        voucher.ConsumeUsage(60, 800_000_000);
        voucher.RemainingBytes.Should().Be(0, "remaining bytes are never negative");
        voucher.Admit(Phone, null, _clock.GetUtcNow()).Refusal.Should().Be(LoginRefusal.DataExhausted);
    }

    [Fact]
    public void RemainingBytes_WithoutACap_IsNull()
    {
        NewVoucher(TestPlans.Validity()).RemainingBytes.Should().BeNull();
    }

    [Fact]
    public void ConsumeUsage_NegativeDelta_IsRefused()
    {
        var voucher = NewVoucher(TestPlans.Validity());

        var act = () => voucher.ConsumeUsage(-1, 0);

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("seconds");
    }

    [Fact]
    public void Create_FromPayment_PreBindsThePayingDevice()
    {
        var voucher = Voucher.Create(
            VoucherCode.Parse("7K3M9P2QXZ"),
            new VoucherIssue(TestPlans.Validity(), VoucherSource.Payment),
            _clock.GetUtcNow(),
            paymentId: "pay_x",
            initialMac: Phone);

        voucher.BoundMacs.Should().Equal(Phone);
        voucher.Admit(Laptop, null, _clock.GetUtcNow()).Refusal.Should().Be(LoginRefusal.DeviceLimitReached);
        voucher.Admit(Phone, null, _clock.GetUtcNow()).Admitted.Should().BeTrue();
    }

    [Fact]
    public void Create_TooLongNote_NamesTheField()
    {
        var act = () => Voucher.Create(
            VoucherCode.Parse("7K3M9P2QXZ"),
            new VoucherIssue(TestPlans.Validity(), VoucherSource.Admin, Note: new string('x', 201)),
            _clock.GetUtcNow());

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("note");
    }

    private Voucher NewVoucher(PlanSnapshot plan) =>
        Voucher.Create(new VoucherCodeGenerator().Next(), new VoucherIssue(plan, VoucherSource.Admin), _clock.GetUtcNow());
}
