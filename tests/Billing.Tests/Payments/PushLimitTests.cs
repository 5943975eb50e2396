using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Payments;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>STK-push abuse limits, counted in the store: one open push per phone, then per phone, MAC and IP.</summary>
public sealed class PushLimitTests : IAsyncLifetime
{
    private PaymentsTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await PaymentsTestRig.StartAsync(
        codes: null,
        ("Payments:PushLimits:PerPhone", "2"),
        ("Payments:PushLimits:AttemptsPerPhone", "4"),
        ("Payments:PushLimits:PerMac", "3"),
        ("Payments:PushLimits:AttemptsPerMac", "10"),
        ("Payments:PushLimits:PerIp", "4"),
        ("Payments:PushLimits:AttemptsPerIp", "10"));

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task SecondPushWhileOneIsOpen_IsAConflict_ButAfterACancelTheCustomerRetriesAtOnce()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome("0712345678", "1032", callback: CallbackFault.None);
        var first = await _rig.PayAsync(plan, "0712345678");

        var again = () => _rig.PayAsync(plan, "0712345678");
        (await again.Should().ThrowAsync<BillingConflictException>()).Which.Message.Should().Contain("already waiting on this phone");
        _rig.Simulator.State.RequestCount(SimulatedOperation.StkPush).Should().Be(1, "no second prompt was sent");

        _rig.Advance(TimeSpan.FromSeconds(3));
        await _rig.WaitForStatusAsync(first.Id, PaymentStatus.Cancelled);

        (await again()).Status.Should().Be(PaymentStatus.Pending, "cancelling does not lock the customer out");
    }

    [Fact]
    public async Task PaidPushesPerPhone_AreLimited_Then429()
    {
        var plan = await _rig.CreatePlanAsync();
        for (var i = 0; i < 2; i++)
        {
            var paid = await _rig.PayAsync(plan, "0712345678", mac: $"BC:24:11:EB:56:0{i}");
            _rig.Advance(TimeSpan.FromSeconds(3));
            await _rig.WaitForStatusAsync(paid.Id, PaymentStatus.Paid);
        }

        var third = () => _rig.PayAsync(plan, "0712345678", mac: "BC:24:11:EB:56:09");

        (await third.Should().ThrowAsync<PaymentLimitExceededException>()).Which.Key.Should().Be("phone");
        _rig.Advance(TimeSpan.FromMinutes(10));
        (await third()).Status.Should().Be(PaymentStatus.Pending, "the window has passed");
    }

    [Fact]
    public async Task CancelledPushes_CountTowardsTheAttemptCeiling_SoAVictimsPhoneCannotBeSpammed()
    {
        var plan = await _rig.CreatePlanAsync();
        _rig.Outcome("0712345678", "1032");
        for (var i = 0; i < 4; i++)
        {
            var cancelled = await _rig.PayAsync(plan, "0712345678", mac: $"BC:24:11:EB:56:0{i}");
            _rig.Advance(TimeSpan.FromSeconds(3));
            await _rig.WaitForStatusAsync(cancelled.Id, PaymentStatus.Cancelled);
        }

        var fifth = () => _rig.PayAsync(plan, "0712345678", mac: "BC:24:11:EB:56:09");

        var refused = (await fifth.Should().ThrowAsync<PaymentLimitExceededException>()).Which;
        refused.Key.Should().Be("phone");
        refused.Message.Should().Contain("10 minutes");
    }

    [Fact]
    public async Task OneDevice_ManyPhones_IsLimitedByMac_AndOneAddress_ByIp()
    {
        var plan = await _rig.CreatePlanAsync();
        for (var i = 0; i < 3; i++)
        {
            await _rig.PayAsync(plan, $"07220000{i:D2}", mac: "BC:24:11:EB:56:4D", ip: "10.5.50.2");
        }

        var sameMac = () => _rig.PayAsync(plan, "0722000099", mac: "BC:24:11:EB:56:4D", ip: "10.5.50.3");
        (await sameMac.Should().ThrowAsync<PaymentLimitExceededException>()).Which.Key.Should().Be("mac");

        await _rig.PayAsync(plan, "0722000010", mac: "BC:24:11:EB:56:01", ip: "10.5.50.2");
        var sameIp = () => _rig.PayAsync(plan, "0722000011", mac: "BC:24:11:EB:56:02", ip: "10.5.50.2");
        (await sameIp.Should().ThrowAsync<PaymentLimitExceededException>()).Which.Key.Should().Be("ip");
    }

    [Fact]
    public async Task OneAddress_IsCountedPerHotspot_BecauseHotspotLansReuseAddresses()
    {
        var routers = _rig.Services.GetRequiredService<IRouterStore>();
        await routers.CreateAsync(new RouterDefinition("Cafe", "cafe-1", null, 3799, true, null, true), "s3cret-s3cret", CancellationToken.None);
        await routers.CreateAsync(new RouterDefinition("Hostel", "hostel-1", null, 3799, true, null, true), "s3cret-s3cret", CancellationToken.None);
        var plan = await _rig.CreatePlanAsync();
        for (var i = 0; i < 4; i++)
        {
            await _rig.PayAsync(plan, $"07220001{i:D2}", mac: $"BC:24:11:EB:57:0{i}", ip: "10.5.50.2", router: "cafe-1");
        }

        var fifthAtCafe = () => _rig.PayAsync(plan, "0722000199", mac: "BC:24:11:EB:57:09", ip: "10.5.50.2", router: "cafe-1");
        (await fifthAtCafe.Should().ThrowAsync<PaymentLimitExceededException>()).Which.Key.Should().Be("ip");

        var sameAddressAtHostel = await _rig.PayAsync(plan, "0722000299", mac: "BC:24:11:EB:58:09", ip: "10.5.50.2", router: "hostel-1");
        sameAddressAtHostel.Status.Should().Be(PaymentStatus.Pending, "10.5.50.2 at another hotspot is another customer");
    }

    [Fact]
    public async Task ConcurrentDoubleTap_SendsOnePush()
    {
        var plan = await _rig.CreatePlanAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                return await _rig.PayAsync(plan, "0712345678");
            }
            catch (BillingConflictException)
            {
                return null;
            }
        }));

        attempts.Count(p => p is not null).Should().Be(1);
        _rig.Simulator.State.RequestCount(SimulatedOperation.StkPush).Should().Be(1);
    }
}
