using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>The customer payment endpoints over real HTTP: shapes, bad input naming the field, 404, 409, 429.</summary>
public sealed class PaymentApiTests(CallbackSecurityPortal fixture) : IClassFixture<CallbackSecurityPortal>
{
    private readonly PaymentsPortalFactory _portal = fixture.Portal;

    [Fact]
    public async Task Pay_Answers202_WithThePendingPaymentAndWhereToPoll()
    {
        using var response = await _portal.Client.PostAsJsonAsync(
            "/api/payments/pay", new { planId = "pln_seed_1", phone = "0722200001", mac = "BC:24:11:EB:56:4D", ip = "10.5.50.2" });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var paymentId = body.GetProperty("paymentId").GetString();
        paymentId.Should().StartWith("pay_");
        body.GetProperty("status").GetString().Should().Be("pending");
        body.GetProperty("message").GetProperty("en").GetString().Should().Contain("KES 20");
        body.GetProperty("message").GetProperty("sw").GetString().Should().Contain("KES 20");
        response.Headers.Location!.OriginalString.Should().Be($"/api/payments/{paymentId}");

        var polled = await _portal.Client.GetFromJsonAsync<JsonElement>($"/api/payments/{paymentId}");
        polled.GetProperty("plan").GetProperty("name").GetString().Should().Be("1 Hour");
        polled.GetProperty("plan").GetProperty("price").GetInt64().Should().Be(20);
        polled.GetProperty("plan").GetProperty("durationMinutes").GetInt64().Should().Be(60);
        polled.GetProperty("amount").GetInt64().Should().Be(20);
    }

    [Theory]
    [InlineData("""{"phone":"0722200002"}""", "planId")]
    [InlineData("""{"planId":"pln_nope","phone":"0722200002"}""", "planId")]
    [InlineData("""{"planId":"pln_seed_1","phone":"12345"}""", "phone")]
    [InlineData("""{"planId":"pln_seed_1","phone":722200002}""", "phone")]
    [InlineData("""{"planId":"pln_seed_1","phone":"0722200002","mac":"nope"}""", "mac")]
    [InlineData("""{"planId":"pln_seed_1","phone":"0722200002","ip":"999.1.1.1"}""", "ip")]
    [InlineData("""{"planId":"pln_seed_1","phone":"0722200002","router":"no-such-hotspot"}""", "router")]
    [InlineData("not json", "body")]
    public async Task Pay_BadInput_Is400_NamingTheField(string json, string field)
    {
        using var response = await _portal.Client.PostAsync("/api/payments/pay", new StringContent(json, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Should().Contain(field);
    }

    [Fact]
    public async Task Pay_WhileAPushIsOpenOnThePhone_Is409()
    {
        _portal.Simulator.Outcomes.ForPhone("254722200003", new StkOutcomePlan("0", Callback: CallbackFault.Lost));
        await _portal.PayAsync("pln_seed_1", "0722200003");

        using var response = await _portal.Client.PostAsJsonAsync("/api/payments/pay", new { planId = "pln_seed_1", phone = "0722200003" });

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().Should().Contain("already waiting");
    }

    [Fact]
    public async Task Pay_OverALimit_Is429_NamingWhatWasCounted()
    {
        using var strict = new PaymentsPortalFactory(("Payments:PushLimits:PerMac", "1"), ("Payments:Reconciler:Enabled", "false"));
        await strict.PayAsync("pln_seed_1", "0722200004", mac: "BC:24:11:EB:56:4D");

        using var response = await strict.Client.PostAsJsonAsync(
            "/api/payments/pay", new { planId = "pln_seed_1", phone = "0722200005", mac = "BC:24:11:EB:56:4D" });

        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("limit").GetString().Should().Be("mac");
        problem.GetProperty("detail").GetString().Should().Contain("this device");
    }

    [Fact]
    public async Task GetPayment_UnknownId_Is404()
    {
        using var response = await _portal.Client.GetAsync("/api/payments/pay_AAAAAAAAAAAAAAAAAAAAAA");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    [Fact]
    public async Task Recover_PaidPayment_GivesItsVoucher_WrongPairIsAPlain404_BadReceiptIs400()
    {
        var paymentId = await _portal.PayAsync("pln_seed_1", "0722200006");
        var receipt = await PaidReceiptAsync(paymentId);
        var paid = await _portal.Client.GetFromJsonAsync<JsonElement>($"/api/payments/{paymentId}");

        using var ok = await _portal.Client.PostAsJsonAsync("/api/payments/recover", new { phone = "254722200006", receipt });
        ok.StatusCode.Should().Be(HttpStatusCode.OK);
        var recovered = await ok.Content.ReadFromJsonAsync<JsonElement>();
        recovered.GetProperty("paymentId").GetString().Should().Be(paymentId);
        recovered.GetProperty("voucher").GetProperty("code").GetString().Should().Be(paid.GetProperty("voucher").GetProperty("code").GetString());

        using var wrongPhone = await _portal.Client.PostAsJsonAsync("/api/payments/recover", new { phone = "0722200099", receipt });
        using var wrongReceipt = await _portal.Client.PostAsJsonAsync("/api/payments/recover", new { phone = "0722200006", receipt = "ZZZ99ZZZ99" });
        wrongPhone.StatusCode.Should().Be(HttpStatusCode.NotFound);
        wrongReceipt.StatusCode.Should().Be(HttpStatusCode.NotFound);
        var wrongPhoneProblem = await wrongPhone.Content.ReadFromJsonAsync<JsonElement>();
        var wrongReceiptProblem = await wrongReceipt.Content.ReadFromJsonAsync<JsonElement>();
        wrongPhoneProblem.GetProperty("detail").GetString().Should().Be(wrongReceiptProblem.GetProperty("detail").GetString(), "a wrong pair reveals nothing");
        wrongPhoneProblem.GetProperty("title").GetString().Should().Be(wrongReceiptProblem.GetProperty("title").GetString());

        using var bad = await _portal.Client.PostAsJsonAsync("/api/payments/recover", new { phone = "0722200006", receipt = "<script>" });
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("receipt", out _).Should().BeTrue();
    }

    [Fact]
    public async Task Recover_TooManyAttemptsFromOneAddress_Is429()
    {
        using var strict = new PaymentsPortalFactory(("Payments:Recovery:PerIp", "2"), ("Payments:Reconciler:Enabled", "false"));
        for (var i = 0; i < 2; i++)
        {
            using var miss = await strict.Client.PostAsJsonAsync("/api/payments/recover", new { phone = $"072220010{i}", receipt = "ZZZ99ZZZ99" });
            miss.StatusCode.Should().Be(HttpStatusCode.NotFound);
        }

        using var limited = await strict.Client.PostAsJsonAsync("/api/payments/recover", new { phone = "0722200109", receipt = "ZZZ99ZZZ99" });

        limited.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await limited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("limit").GetString().Should().Be("ip");
    }

    /// <summary>Pays through the real callback endpoint (the simulator's own callback is lost) and returns the receipt.</summary>
    private async Task<string> PaidReceiptAsync(string paymentId)
    {
        var payment = await _portal.Payments.FindAsync(paymentId, CancellationToken.None);
        var transaction = _portal.Simulator.FindTransaction(payment!.CheckoutRequestId!)!;
        await _portal.WaitForStatusAsync(paymentId, "paid");
        return (await _portal.Payments.FindAsync(paymentId, CancellationToken.None))!.MpesaReceipt ?? transaction.ReceiptNumber!;
    }
}
