using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WifiBilling.Simulators.Daraja;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class C2BTests : IAsyncLifetime
{
    private SimulatorHarness _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task RegisterUrl_V2_AnswersWithTheMisspelledOriginatorCoversationID()
    {
        using var response = await RegisterAsync(2, "Completed", validation: true);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("OriginatorCoversationID").GetString().Should().NotBeNullOrEmpty();
        json.GetProperty("ResponseCode").GetString().Should().Be("0");
        json.GetProperty("ResponseDescription").GetString().Should().Be("Success");
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("COMPLETED")]
    [InlineData("Canceled")]
    public async Task RegisterUrl_WithResponseTypeNotInSentenceCase_IsRefused(string responseType)
    {
        using var response = await RegisterAsync(2, responseType, validation: false);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("errorMessage").GetString()
            .Should().Be("Bad Request - Invalid ResponseType");
    }

    [Fact]
    public async Task Simulate_PostsValidationThenConfirmation_WithStringValuesAndMaskedMsisdn()
    {
        (await RegisterAsync(2, "Completed", validation: true)).Dispose();

        using var simulate = await SimulateAsync(10);
        simulate.StatusCode.Should().Be(HttpStatusCode.OK);
        (await SimulatorHarness.ReadJsonAsync(simulate)).GetProperty("ResponseDescription").GetString()
            .Should().Be("Accept the service request successfully.");
        var posts = await _sim.Receiver.WaitForAsync(2);

        posts.Select(p => p.Path).Should().Equal("/c2b/validation", "/c2b/confirmation");
        var validation = posts[0].Json;
        var confirmation = posts[1].Json;
        foreach (var property in confirmation.EnumerateObject())
        {
            property.Value.ValueKind.Should().Be(JsonValueKind.String, $"{property.Name} is a string in C2B payloads");
        }

        confirmation.GetProperty("TransactionType").GetString().Should().Be("Pay Bill");
        confirmation.GetProperty("TransAmount").GetString().Should().Be("10.00");
        confirmation.GetProperty("BillRefNumber").GetString().Should().Be("voucher");
        confirmation.GetProperty("MSISDN").GetString().Should().Be("2547 ***** 149");
        confirmation.GetProperty("TransTime").GetString().Should().Be("20240710091526");
        confirmation.GetProperty("TransID").GetString().Should().Be(validation.GetProperty("TransID").GetString());
        validation.GetProperty("OrgAccountBalance").GetString().Should().BeEmpty();
        confirmation.GetProperty("OrgAccountBalance").GetString().Should().NotBeEmpty();
        await SimulatorHarness.WaitUntilAsync(
            () => _sim.State.C2BTransactions.Single().Status == C2BTransactionStatus.Confirmed, "confirmation recorded");
    }

    [Fact]
    public async Task Simulate_RejectedByValidation_SendsNoConfirmation()
    {
        _sim.Receiver.AnswerBody = path => """{"ResultCode":"C2B00012","ResultDesc":"Rejected"}""";
        (await RegisterAsync(2, "Completed", validation: true)).Dispose();

        (await SimulateAsync(10)).Dispose();
        await SimulatorHarness.WaitUntilAsync(
            () => _sim.State.C2BTransactions.Single().Status == C2BTransactionStatus.Rejected, "rejection recorded");

        _sim.Receiver.Received.Should().ContainSingle().Which.Path.Should().Be("/c2b/validation");
        _sim.State.C2BTransactions.Single().ValidationResultCode.Should().Be("C2B00012");
    }

    [Fact]
    public async Task Simulate_ValidationAnswered500_FallsBackToResponseTypeCancelled()
    {
        _sim.Receiver.AnswerStatus = 500;
        (await RegisterAsync(2, "Cancelled", validation: true)).Dispose();

        (await SimulateAsync(10)).Dispose();

        await SimulatorHarness.WaitUntilAsync(
            () => _sim.State.C2BTransactions.Single().Status == C2BTransactionStatus.Cancelled, "cancellation recorded");
        _sim.Receiver.Received.Should().ContainSingle();
    }

    [Fact]
    public async Task Simulate_AfterV1Registration_SendsTheMsisdnAsSha256Hex()
    {
        (await RegisterAsync(1, "Completed", validation: false)).Dispose();

        (await SimulateAsync(5)).Dispose();
        var confirmation = (await _sim.Receiver.WaitForAsync(1)).Single().Json;

        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("254708374149")));
        confirmation.GetProperty("MSISDN").GetString().Should().Be(expected);
        confirmation.GetProperty("TransAmount").GetString().Should().Be("5.00");
    }

    [Fact]
    public async Task Production_RegistersOnceAndHasNoSimulate()
    {
        await using var production = await SimulatorHarness.StartAsync(o => o.Production = true);
        var body = new Dictionary<string, object?>
        {
            ["ShortCode"] = "600984",
            ["ResponseType"] = "Completed",
            ["ConfirmationURL"] = "https://wifi.example.co.ke/api/payments/c2b/confirmation",
        };

        using var first = await production.PostAsync("mpesa/c2b/v2/registerurl", body);
        using var second = await production.PostAsync("mpesa/c2b/v2/registerurl", body);
        using var simulate = await production.PostAsync("mpesa/c2b/v2/simulate", new { ShortCode = 600984 });

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.InternalServerError);
        (await SimulatorHarness.ReadJsonAsync(second)).GetProperty("errorMessage").GetString().Should().Be("Urls are already registered.");
        simulate.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RegisterUrl_WithInvalidToken_AnswersTheC2BTokenError()
    {
        using var response = await _sim.PostAsync("mpesa/c2b/v2/registerurl", new { ShortCode = "600984" }, token: "nope");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await SimulatorHarness.ReadJsonAsync(response)).GetProperty("errorCode").GetString().Should().Be("400.003.01");
    }

    private Task<HttpResponseMessage> RegisterAsync(int version, string responseType, bool validation) =>
        _sim.PostAsync($"mpesa/c2b/v{version}/registerurl", new Dictionary<string, object?>
        {
            ["ShortCode"] = "600984",
            ["ResponseType"] = responseType,
            ["ConfirmationURL"] = _sim.Receiver.Url("/c2b/confirmation").AbsoluteUri,
            ["ValidationURL"] = validation ? _sim.Receiver.Url("/c2b/validation").AbsoluteUri : null,
        });

    private Task<HttpResponseMessage> SimulateAsync(long amount) =>
        _sim.PostAsync("mpesa/c2b/v2/simulate", new Dictionary<string, object?>
        {
            ["ShortCode"] = 600984,
            ["CommandID"] = "CustomerPayBillOnline",
            ["Amount"] = amount,
            ["Msisdn"] = 254708374149,
            ["BillRefNumber"] = "voucher",
        });
}
