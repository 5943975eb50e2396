using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>
/// Forged and replayed callbacks against the real endpoints: a wrong or missing key is refused (401), an unknown
/// CheckoutRequestID, a changed amount or a replay is acknowledged but changes nothing a customer could gain from
/// (the store is compared before and after).
/// </summary>
public sealed class CallbackSecurityTests(CallbackSecurityPortal fixture) : IClassFixture<CallbackSecurityPortal>
{
    private readonly PaymentsPortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task WrongOrMissingKey_Is401_AndNothingChanges()
    {
        var (paymentId, checkout) = await PendingPaymentAsync("0722100001");
        var before = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);
        var genuineLooking = Success(checkout, 20, "NLJ7RT61SV", "254722100001");
        var wrongKey = new string('0', 64);

        foreach (var path in new[] { $"/api/payments/callback/{wrongKey}", "/api/payments/callback", $"/api/payments/callback/{_portal.CallbackKey[..^1]}" })
        {
            using var response = await PostAsync(path, genuineLooking);
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path.Replace(_portal.CallbackKey[..^1], "{key minus one}", StringComparison.Ordinal));
            response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        }

        foreach (var path in new[] { $"/api/payments/c2b/confirmation/{wrongKey}", "/api/payments/c2b/confirmation", $"/api/payments/c2b/validation/{wrongKey}" })
        {
            using var response = await PostAsync(path, C2B("RKL51ZDR4F", "20.00"));
            response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await PaymentStateSnapshot.TakeAsync(_portal, paymentId)).Should().Be(before);
        (await _portal.Payments.FindC2BAsync("RKL51ZDR4F", CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task UnknownCheckoutRequestId_Failure_IsAcknowledged_AndChangesNothing()
    {
        var (paymentId, _) = await PendingPaymentAsync("0722100002");
        var before = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);

        using var response = await PostAsync(CallbackPath, Failure("ws_CO_010101010101010722100002", 1032));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("""{"ResultCode":0,"ResultDesc":"Accepted"}""");
        (await PaymentStateSnapshot.TakeAsync(_portal, paymentId)).Should().Be(before);
    }

    [Fact]
    public async Task ChangedAmount_IsNotApplied_NoVoucher_KeptOnlyAsAudit()
    {
        var (paymentId, checkout) = await PendingPaymentAsync("0722100003");
        var before = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);
        var forged = Success(checkout, 1, "NLJ7RT61SX", "254722100003");

        using var response = await PostAsync(CallbackPath, forged);

        response.StatusCode.Should().Be(HttpStatusCode.OK, "it is durably kept for audit, so it is acknowledged");
        var after = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);
        after.Should().Be(before with { Payloads = before.Payloads + 1 }, "only the audit trail grew");
        after.Status.Should().Be(PaymentStatus.Pending);
        (await _portal.Payments.ListRawPayloadsAsync(paymentId, CancellationToken.None)).Should().Equal(forged);
        (await RecoverAsync("0722100003", "NLJ7RT61SX")).Should().Be(HttpStatusCode.NotFound, "the forged receipt buys nothing");
    }

    [Fact]
    public async Task Replay_OfAPaidCallback_IsANoOp_OneVoucher()
    {
        var (paymentId, checkout) = await PendingPaymentAsync("0722100004");
        var genuine = Success(checkout, 20, "NLJ7RT61SY", "254722100004");
        using (var first = await PostAsync(CallbackPath, genuine))
        {
            first.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var paid = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);
        paid.Status.Should().Be(PaymentStatus.Paid);
        paid.VoucherCode.Should().NotBeNull();

        for (var replay = 0; replay < 3; replay++)
        {
            using var response = await PostAsync(CallbackPath, genuine);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        var after = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);
        after.Should().Be(paid with { Payloads = paid.Payloads + 3 }, "replays change nothing but the (bounded) audit trail");
        var vouchersOfPayment = await _portal.Vouchers.ListAsync(new Billing.Domain.Vouchers.VoucherQuery(Limit: 1000), CancellationToken.None);
        vouchersOfPayment.Items.Count(v => v.PaymentId == paymentId).Should().Be(1);
    }

    [Fact]
    public async Task MalformedBody_WithTheRightKey_Is400NamingTheBody_AndStoresNothing()
    {
        var (paymentId, _) = await PendingPaymentAsync("0722100005");
        var before = await PaymentStateSnapshot.TakeAsync(_portal, paymentId);

        using var response = await PostAsync(CallbackPath, """{"Body":{"stkCallback":{"ResultCode":0}}}""");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("body")[0].GetString().Should().Contain("CheckoutRequestID");
        (await PaymentStateSnapshot.TakeAsync(_portal, paymentId)).Should().Be(before);
    }

    [Fact]
    public async Task C2B_WithTheKey_ValidatesAndConfirmsOnce_ThenRecoversAVoucher()
    {
        var body = C2B("RKL51ZDR4Z", "20.00", msisdn: "2547 ***** 006");

        using (var validation = await PostAsync($"/api/payments/c2b/validation/{_portal.CallbackKey}", body))
        {
            (await validation.Content.ReadAsStringAsync()).Should().Be("""{"ResultCode":"0","ResultDesc":"Accepted"}""");
        }

        using (var tooSmall = await PostAsync($"/api/payments/c2b/validation/{_portal.CallbackKey}", C2B("RKL51ZDR40", "5.00")))
        {
            tooSmall.StatusCode.Should().Be(HttpStatusCode.OK);
            (await tooSmall.Content.ReadAsStringAsync()).Should().Be("""{"ResultCode":"C2B00013","ResultDesc":"Rejected"}""");
        }

        for (var i = 0; i < 2; i++)
        {
            using var confirmation = await PostAsync($"/api/payments/c2b/confirmation/{_portal.CallbackKey}", body);
            (await confirmation.Content.ReadAsStringAsync()).Should().Be("""{"ResultCode":0,"ResultDesc":"Success"}""");
        }

        using (var unreadable = await PostAsync($"/api/payments/c2b/confirmation/{_portal.CallbackKey}", """{"TransID":"X"}"""))
        {
            unreadable.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await unreadable.Content.ReadAsStringAsync()).Should().Be("""{"ResultCode":"C2B00016","ResultDesc":"Rejected"}""");
        }

        (await RecoverAsync("0722100006", "RKL51ZDR4Z")).Should().Be(HttpStatusCode.OK);
        (await RecoverAsync("0722100007", "RKL51ZDR4Z")).Should().Be(HttpStatusCode.NotFound, "the masked digits do not match");
    }

    private string CallbackPath => $"/api/payments/callback/{_portal.CallbackKey}";

    private async Task<(string PaymentId, string CheckoutRequestId)> PendingPaymentAsync(string phone)
    {
        // The simulated transaction is paid but its own callback is lost: only this test's callbacks arrive.
        _portal.Simulator.Outcomes.ForPhone("254" + phone[1..], new StkOutcomePlan("0", Callback: CallbackFault.Lost));
        var paymentId = await _portal.PayAsync("pln_seed_1", phone);
        var payment = await _portal.Payments.FindAsync(paymentId, CancellationToken.None);
        payment!.CheckoutRequestId.Should().NotBeNull();
        return (paymentId, payment.CheckoutRequestId!);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string body) =>
        await _portal.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    private async Task<HttpStatusCode> RecoverAsync(string phone, string receipt)
    {
        using var response = await _portal.Client.PostAsJsonAsync("/api/payments/recover", new { phone, receipt });
        return response.StatusCode;
    }

    private static string Success(string checkout, long amount, string receipt, string msisdn) =>
        JsonSerializer.Serialize(new
        {
            Body = new
            {
                stkCallback = new
                {
                    MerchantRequestID = "29115-34620561-1",
                    CheckoutRequestID = checkout,
                    ResultCode = 0,
                    ResultDesc = "The service request is processed successfully.",
                    CallbackMetadata = new
                    {
                        Item = new object[]
                        {
                            new { Name = "Amount", Value = amount },
                            new { Name = "MpesaReceiptNumber", Value = receipt },
                            new { Name = "Balance" },
                            new { Name = "TransactionDate", Value = 20240710091530 },
                            new { Name = "PhoneNumber", Value = long.Parse(msisdn, CultureInfo.InvariantCulture) },
                        },
                    },
                },
            },
        });

    private static string Failure(string checkout, int code) =>
        JsonSerializer.Serialize(new { Body = new { stkCallback = new { MerchantRequestID = "1-2-3", CheckoutRequestID = checkout, ResultCode = code, ResultDesc = "Request cancelled by user" } } });

    private static string C2B(string transId, string amount, string msisdn = "2547 ***** 126") =>
        JsonSerializer.Serialize(new
        {
            TransactionType = "Pay Bill",
            TransID = transId,
            TransTime = "20240710091530",
            TransAmount = amount,
            BusinessShortCode = "174379",
            BillRefNumber = "wifi",
            InvoiceNumber = "",
            OrgAccountBalance = "",
            ThirdPartyTransID = "",
            MSISDN = msisdn,
            FirstName = "JOHN",
        });
}
