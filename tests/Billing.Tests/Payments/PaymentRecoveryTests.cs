using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Payments;
using WifiBilling.Billing.Payments.C2B;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>"I already paid": STK and direct (C2B) payments, wrong pairs, the plan an amount buys, rate limits.</summary>
public sealed class PaymentRecoveryTests : IAsyncLifetime
{
    private const string Phone = "0712345678";
    private PaymentsTestRig _rig = null!;

    public async Task InitializeAsync() => _rig = await PaymentsTestRig.StartAsync(
        codes: null, ("Payments:Recovery:PerPhone", "4"), ("Payments:Recovery:PerIp", "6"));

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Fact]
    public async Task StkPayment_ReceiptAndPhone_GiveItsVoucher_EveryTime()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);
        _rig.Advance(TimeSpan.FromSeconds(3));
        var paid = await _rig.WaitForAsync(payment.Id, p => p.VoucherCode is not null);

        var first = await _rig.Recovery.RecoverAsync("+254 712 345 678", paid.MpesaReceipt!.ToLowerInvariant(), "10.5.50.2", CancellationToken.None);
        var second = await _rig.Recovery.RecoverAsync(Phone, paid.MpesaReceipt, "10.5.50.2", CancellationToken.None);

        first!.PaymentId.Should().Be(payment.Id);
        first.Voucher.Code.Value.Should().Be(paid.VoucherCode);
        second!.Voucher.Code.Should().Be(first.Voucher.Code);
        (await _rig.VoucherCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task WrongPairs_RevealNothing()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);
        _rig.Advance(TimeSpan.FromSeconds(3));
        var paid = await _rig.WaitForAsync(payment.Id, p => p.VoucherCode is not null);
        await RecordC2BAsync("RKL51ZDR4F", "20.00", "2547 ***** 678");

        (await _rig.Recovery.RecoverAsync("0722000000", paid.MpesaReceipt, null, CancellationToken.None)).Should().BeNull("another phone");
        (await _rig.Recovery.RecoverAsync(Phone, "ZZZ99ZZZ99", null, CancellationToken.None)).Should().BeNull("unknown receipt");
        (await _rig.Recovery.RecoverAsync("0712345999", "RKL51ZDR4F", null, CancellationToken.None)).Should().BeNull("masked digits differ");
        (await _rig.VoucherCountAsync()).Should().Be(1, "nothing was minted for a wrong pair");
    }

    [Fact]
    public async Task PendingStkPayment_IsNotRecoverable()
    {
        var plan = await _rig.CreatePlanAsync();
        var payment = await _rig.PayAsync(plan, Phone);
        await _rig.Callbacks.HandleAsync(StkCallbackBodies.Success(payment.CheckoutRequestId!, 99, "NLJ7RT61SV", "254712345678"), CancellationToken.None);

        (await _rig.Recovery.RecoverAsync(Phone, "NLJ7RT61SV", null, CancellationToken.None)).Should().BeNull();
    }

    [Theory]
    [InlineData("2547 ***** 678")]
    [InlineData("25471****678")]
    [InlineData("254712345678")]
    [InlineData("HASH")]
    public async Task DirectPayment_MatchingMsisdn_MintsOnce_WithTheDearestPlanTheAmountBuys(string msisdn)
    {
        await _rig.CreatePlanAsync(priceKes: 20, name: "1 Hour");
        var fourHours = await _rig.CreatePlanAsync(priceKes: 50, name: "4 Hours", duration: TimeSpan.FromHours(4));
        await _rig.CreatePlanAsync(priceKes: 80, name: "24 Hours", duration: TimeSpan.FromDays(1));
        await RecordC2BAsync("RKL51ZDR4F", "60.00", msisdn == "HASH" ? Sha256Hex("254712345678") : msisdn);

        var recovered = await _rig.Recovery.RecoverAsync(Phone, "RKL51ZDR4F", "10.5.50.2", CancellationToken.None);
        var again = await _rig.Recovery.RecoverAsync(Phone, "RKL51ZDR4F", "10.5.50.2", CancellationToken.None);

        recovered!.PaymentId.Should().BeNull();
        recovered.Voucher.Plan.PlanId.Should().Be(fourHours.Id, "KES 60 buys the 4-hour plan (KES 50), not the 24-hour one");
        again!.Voucher.Code.Should().Be(recovered.Voucher.Code);
        (await _rig.VoucherCountAsync()).Should().Be(1);
        (await _rig.Payments.FindC2BAsync("RKL51ZDR4F", CancellationToken.None))!.VoucherCode.Should().Be(recovered.Voucher.Code.Value);
    }

    [Fact]
    public async Task DirectPayment_TooSmallForAnyPlan_OrWithoutMsisdn_IsNotRecoverable()
    {
        await _rig.CreatePlanAsync(priceKes: 20);
        await RecordC2BAsync("RKL51ZDR4F", "10.00", "2547 ***** 678");
        await RecordC2BAsync("RKL51ZDR4G", "20.00", "");

        (await _rig.Recovery.RecoverAsync(Phone, "RKL51ZDR4F", null, CancellationToken.None)).Should().BeNull();
        (await _rig.Recovery.RecoverAsync(Phone, "RKL51ZDR4G", null, CancellationToken.None)).Should().BeNull();
        (await _rig.VoucherCountAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("12345", "NLJ7RT61SV", "phone")]
    [InlineData(Phone, "", "receipt")]
    [InlineData(Phone, "NLJ7-RT61SV;", "receipt")]
    [InlineData(Phone, "ABC", "receipt")]
    public async Task BadInput_NamesTheField(string phone, string receipt, string field)
    {
        var act = () => _rig.Recovery.RecoverAsync(phone, receipt, null, CancellationToken.None);

        (await act.Should().ThrowAsync<BillingValidationException>()).Which.Field.Should().Be(field);
    }

    [Fact]
    public async Task Attempts_AreLimitedPerPhone_AndPerAddress()
    {
        for (var i = 0; i < 4; i++)
        {
            (await _rig.Recovery.RecoverAsync(Phone, $"ZZZ99ZZZ9{i}", $"10.5.50.{i}", CancellationToken.None)).Should().BeNull();
        }

        var fifthForPhone = () => _rig.Recovery.RecoverAsync(Phone, "ZZZ99ZZZ95", "10.5.50.9", CancellationToken.None);
        (await fifthForPhone.Should().ThrowAsync<PaymentLimitExceededException>()).Which.Key.Should().Be("phone");

        for (var i = 0; i < 6; i++)
        {
            await _rig.Recovery.RecoverAsync($"07220000{i:D2}", "ZZZ99ZZZ99", "10.9.9.9", CancellationToken.None);
        }

        var seventhForAddress = () => _rig.Recovery.RecoverAsync("0722000099", "ZZZ99ZZZ99", "10.9.9.9", CancellationToken.None);
        (await seventhForAddress.Should().ThrowAsync<PaymentLimitExceededException>()).Which.Key.Should().Be("ip");

        _rig.Advance(TimeSpan.FromMinutes(15));
        (await fifthForPhone()).Should().BeNull("the window has passed");
    }

    private async Task RecordC2BAsync(string transId, string amount, string msisdn)
    {
        var body = $$"""
            {"TransactionType":"Pay Bill","TransID":"{{transId}}","TransTime":"20240710091530","TransAmount":"{{amount}}","BusinessShortCode":"174379",
            "BillRefNumber":"wifi","InvoiceNumber":"","OrgAccountBalance":"","ThirdPartyTransID":"","MSISDN":"{{msisdn}}","FirstName":"JOHN"}
            """;
        (await _rig.Services.GetRequiredService<C2BNotificationHandler>().ConfirmAsync(body, CancellationToken.None)).Recorded.Should().BeTrue();
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
