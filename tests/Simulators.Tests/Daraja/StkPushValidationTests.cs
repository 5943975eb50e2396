using System.Net;
using System.Text;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class StkPushValidationTests : IAsyncLifetime
{
    private const string PushPath = "mpesa/stkpush/v1/processrequest";
    private SimulatorHarness _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Theory]
    [InlineData("BusinessShortCode", "1234", "BusinessShortCode")]
    [InlineData("BusinessShortCode", "12345678", "BusinessShortCode")]
    [InlineData("Timestamp", "2021062809240", "Timestamp")]
    [InlineData("Timestamp", "20211328092408", "Timestamp")]
    [InlineData("TransactionType", "CustomerPayBill", "TransactionType")]
    [InlineData("Amount", "0", "Amount")]
    [InlineData("Amount", "1.5", "Amount")]
    [InlineData("Amount", "250001", "Amount")]
    [InlineData("PartyA", "254812345678", "PartyA")]
    [InlineData("PartyA", "0708374149", "PartyA")]
    [InlineData("PartyB", "12", "PartyB")]
    [InlineData("PhoneNumber", "25470837414", "PhoneNumber")]
    [InlineData("CallBackURL", "ftp://example.com/cb", "CallBackURL")]
    [InlineData("CallBackURL", "https://example.com/mpesa/callback", "CallBackURL")]
    [InlineData("CallBackURL", "https://example.com/api/Query", "CallBackURL")]
    [InlineData("CallBackURL", "https://EXAMPLE.com/cb", "CallBackURL")]
    [InlineData("CallBackURL", "https://example.com/ cb", "CallBackURL")]
    [InlineData("AccountReference", "ABCDEFGHIJKLM", "AccountReference")]
    [InlineData("AccountReference", "", "AccountReference")]
    [InlineData("TransactionDesc", "ABCDEFGHIJKLMN", "TransactionDesc")]
    public async Task Push_WithOneInvalidField_ReturnsBadRequestInvalidThatField(string field, string value, string named)
    {
        var body = _sim.PushBody();
        body[field] = value;

        await ShouldBeInvalidAsync(body, named);
    }

    [Fact]
    public async Task Push_WithNullTransactionDesc_ReturnsInvalidRemarks()
    {
        var body = _sim.PushBody();
        body["TransactionDesc"] = null;

        await ShouldBeInvalidAsync(body, "Remarks");
    }

    [Fact]
    public async Task Push_WithoutTransactionDesc_IsAccepted()
    {
        var body = _sim.PushBody();
        body.Remove("TransactionDesc");

        using var response = await _sim.PostAsync(PushPath, body);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("Amount", "PhoneNumber", "Amount")]
    [InlineData("BusinessShortCode", "Timestamp", "BusinessShortCode")]
    [InlineData("Timestamp", "TransactionType", "Timestamp")]
    [InlineData("PartyA", "CallBackURL", "PartyA")]
    [InlineData("CallBackURL", "AccountReference", "CallBackURL")]
    public async Task Push_WithTwoInvalidFields_NamesTheOneDarajaChecksFirst(string first, string second, string named)
    {
        var body = _sim.PushBody();
        body[first] = "x@#";
        body[second] = new string('9', 40);

        await ShouldBeInvalidAsync(body, named);
    }

    [Fact]
    public async Task Push_WithCamelCaseFieldNames_ReturnsInvalidBusinessShortCode()
    {
        var body = _sim.PushBody().ToDictionary(p => char.ToLowerInvariant(p.Key[0]) + p.Key[1..], p => p.Value);

        await ShouldBeInvalidAsync(body, "BusinessShortCode");
    }

    [Fact]
    public async Task Push_WithoutJsonContentType_ReturnsInvalidBusinessShortCode()
    {
        var token = await _sim.TokenAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, PushPath)
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(_sim.PushBody()), Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

        using var response = await _sim.Http.SendAsync(request);

        await ShouldBeInvalidAsync(response, "BusinessShortCode");
    }

    [Fact]
    public async Task Push_AcceptsNumbersAndNumericStringsAlike()
    {
        var asNumbers = _sim.PushBody("254708374141");
        asNumbers["BusinessShortCode"] = 174379;
        asNumbers["Amount"] = 10;
        asNumbers["PartyA"] = 254708374141;
        asNumbers["PartyB"] = 174379;
        asNumbers["PhoneNumber"] = 254708374141;
        var asStrings = _sim.PushBody("254708374142");
        asStrings["BusinessShortCode"] = "174379";
        asStrings["Amount"] = "10";

        using var numbers = await _sim.PostAsync(PushPath, asNumbers);
        using var strings = await _sim.PostAsync(PushPath, asStrings);

        numbers.StatusCode.Should().Be(HttpStatusCode.OK);
        strings.StatusCode.Should().Be(HttpStatusCode.OK);
        _sim.State.Transactions.Should().OnlyContain(t => t.Amount == 10);
    }

    [Fact]
    public async Task Push_With2541Number_IsAccepted()
    {
        var id = await _sim.PushAsync("254112345678");

        id.Should().EndWith("112345678");
    }

    [Fact]
    public async Task Push_WithPasswordForAnotherTimestamp_ReturnsWrongCredentials()
    {
        var body = _sim.PushBody();
        body["Password"] = SimulatorHarness.Password("20160216165627");

        using var response = await _sim.PostAsync(PushPath, body);

        await ShouldBe1001Async(response, "Wrong credentials");
    }

    [Fact]
    public async Task Push_WithWrongPasskey_ReturnsWrongCredentials()
    {
        var body = _sim.PushBody();
        body["Password"] = SimulatorHarness.Password((string)body["Timestamp"]!, passKey: "not-the-passkey");

        using var response = await _sim.PostAsync(PushPath, body);

        await ShouldBe1001Async(response, "Wrong credentials");
    }

    [Fact]
    public async Task Push_WithoutPassword_ReturnsWrongCredentials()
    {
        var body = _sim.PushBody();
        body.Remove("Password");

        using var response = await _sim.PostAsync(PushPath, body);

        await ShouldBe1001Async(response, "Wrong credentials");
    }

    [Fact]
    public async Task Push_ToUnknownShortCode_ReturnsMerchantDoesNotExist()
    {
        var body = _sim.PushBody();
        body["BusinessShortCode"] = "600000";

        using var response = await _sim.PostAsync(PushPath, body);

        await ShouldBe1001Async(response, "Merchant does not exist");
    }

    [Fact]
    public async Task Push_WithUtcTimestampInsteadOfKenyaTime_ReturnsInvalidTimestamp()
    {
        var body = _sim.PushBody();
        var utc = _sim.Time.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);
        body["Timestamp"] = utc;
        body["Password"] = SimulatorHarness.Password(utc);

        await ShouldBeInvalidAsync(body, "Timestamp");
    }

    [Fact]
    public async Task Push_InProductionMode_RefusesHttpCallbackUrls()
    {
        await using var production = await SimulatorHarness.StartAsync(o => o.Production = true);

        using var response = await production.PostAsync(PushPath, production.PushBody());

        await ShouldBeInvalidAsync(response, "CallBackURL");
    }

    [Fact]
    public async Task Push_Accepted_ReturnsIdsInDarajaFormat()
    {
        using var response = await _sim.PostAsync(PushPath, _sim.PushBody());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await SimulatorHarness.ReadJsonAsync(response);
        json.GetProperty("ResponseCode").GetString().Should().Be("0");
        json.GetProperty("ResponseDescription").GetString().Should().Be("Success. Request accepted for processing");
        json.GetProperty("CustomerMessage").GetString().Should().Be("Success. Request accepted for processing");
        json.GetProperty("MerchantRequestID").GetString().Should().MatchRegex("^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}[0-9]{6}$");

        // ws_CO_ + ddMMyyyyHHmmss in Nairobi time (09:15:26 for 06:15:26 UTC) + milliseconds + last 9 digits of the phone.
        json.GetProperty("CheckoutRequestID").GetString().Should().Be("ws_CO_10072024091526000708374149");
    }

    [Fact]
    public async Task SecondPush_ToAPhoneWithAPendingPush_IsRefusedUntilTheFirstCompletes()
    {
        await _sim.PushAsync();

        using var second = await _sim.PostAsync(PushPath, _sim.PushBody());
        await ShouldBe1001Async(second, "Unable to lock subscriber, a transaction is already in process for the current subscriber");
        var other = await _sim.PushAsync("254708374150");

        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));
        var third = await _sim.PushAsync();

        other.Should().NotBe(third);
        _sim.State.Transactions.Should().HaveCount(3);
    }

    [Fact]
    public async Task ManyConcurrentPushes_ToOnePhone_AcceptExactlyOne()
    {
        var token = await _sim.TokenAsync();
        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => _sim.PostAsync(PushPath, _sim.PushBody(), token)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.InternalServerError).Should().Be(9);
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }

    private async Task ShouldBeInvalidAsync(Dictionary<string, object?> body, string field)
    {
        using var response = await _sim.PostAsync(PushPath, body);
        await ShouldBeInvalidAsync(response, field);
        _sim.State.Transactions.Should().BeEmpty();
    }

    private static async Task ShouldBeInvalidAsync(HttpResponseMessage response, string field)
    {
        var json = await SimulatorHarness.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, json.ToString());
        json.GetProperty("errorCode").GetString().Should().Be("400.002.02");
        json.GetProperty("errorMessage").GetString().Should().Be($"Bad Request - Invalid {field}");
    }

    internal static async Task ShouldBe1001Async(HttpResponseMessage response, string message)
    {
        var json = await SimulatorHarness.ReadJsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.InternalServerError, json.ToString());
        json.GetProperty("errorCode").GetString().Should().Be("500.001.1001");
        json.GetProperty("errorMessage").GetString().Should().Be(message);
    }
}
