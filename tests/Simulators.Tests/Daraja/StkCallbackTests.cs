using System.Net;
using System.Text.Json;
using WifiBilling.Simulators.Daraja;
using WifiBilling.Simulators.Tests.Daraja.Support;

namespace WifiBilling.Simulators.Tests.Daraja;

public sealed class StkCallbackTests : IAsyncLifetime
{
    private SimulatorHarness _sim = null!;

    public async Task InitializeAsync() => _sim = await SimulatorHarness.StartAsync();

    public async Task DisposeAsync() => await _sim.DisposeAsync();

    [Fact]
    public async Task Success_IsPostedAfterTheDelay_InDarajasExactShape()
    {
        var id = await _sim.PushAsync(amount: 20);
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(2));
        _sim.Receiver.Received.Should().BeEmpty("the default outcome completes after 3 s of simulated time");

        await _sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        var callback = (await _sim.Receiver.WaitForAsync(1)).Single();

        callback.Path.Should().Be("/api/payments/callback/abc123");
        callback.ContentType.Should().StartWith("application/json");
        callback.ShortCodeHeader.Should().Be("174379");
        var stk = callback.Json.GetProperty("Body").GetProperty("stkCallback");
        stk.GetProperty("CheckoutRequestID").GetString().Should().Be(id);
        stk.GetProperty("ResultCode").ValueKind.Should().Be(JsonValueKind.Number);
        stk.GetProperty("ResultCode").GetInt32().Should().Be(0);
        stk.GetProperty("ResultDesc").GetString().Should().Be("The service request is processed successfully.");
        var items = stk.GetProperty("CallbackMetadata").GetProperty("Item").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("Name").GetString()).Should()
            .Equal("Amount", "MpesaReceiptNumber", "Balance", "TransactionDate", "PhoneNumber");
        Item(items, "Amount").GetRawText().Should().Be("20.00");
        Item(items, "MpesaReceiptNumber").GetString().Should().MatchRegex("^[A-Z][A-Z0-9]{9}$");
        items.Single(i => i.GetProperty("Name").GetString() == "Balance").TryGetProperty("Value", out _).Should().BeFalse();

        // Completed at 06:15:29 UTC = 09:15:29 in Nairobi, as a JSON number.
        Item(items, "TransactionDate").GetInt64().Should().Be(20240710091529);
        Item(items, "PhoneNumber").ValueKind.Should().Be(JsonValueKind.Number);
        Item(items, "PhoneNumber").GetInt64().Should().Be(254708374149);
        _sim.State.FindTransaction(id)!.Deliveries.Should().ContainSingle().Which.StatusCode.Should().Be(200);
    }

    [Theory]
    [InlineData(1032, "Request cancelled by user")]
    [InlineData(1, "The balance is insufficient for the transaction.")]
    [InlineData(1037, "DS timeout user cannot be reached")]
    [InlineData(2001, "The initiator information is invalid.")]
    [InlineData(1019, "Transaction has expired")]
    public async Task MagicPhoneNumber_SelectsTheFailureAndItsCallbackHasNoMetadata(int code, string description)
    {
        var id = await _sim.PushAsync(MagicPhoneNumbers.For(code));
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));

        var stk = (await _sim.Receiver.WaitForAsync(1)).Single().Json.GetProperty("Body").GetProperty("stkCallback");

        stk.GetProperty("CheckoutRequestID").GetString().Should().Be(id);
        stk.GetProperty("ResultCode").GetInt32().Should().Be(code);
        stk.GetProperty("ResultDesc").GetString().Should().Be(description);
        stk.TryGetProperty("CallbackMetadata", out _).Should().BeFalse();
    }

    [Fact]
    public async Task ControlEndpoint_RuleForAPhone_AppliesToThatPhoneOnly()
    {
        using var rule = await _sim.ControlAsync(HttpMethod.Post, "outcomes", new { phoneNumber = "0711000001", resultCode = "1" });
        rule.StatusCode.Should().Be(HttpStatusCode.Created);

        var ruled = await _sim.PushAsync("254711000001");
        var other = await _sim.PushAsync("254711000002");
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));
        await _sim.Receiver.WaitForAsync(2);

        _sim.State.FindTransaction(ruled)!.ResultCode.Should().Be("1");
        _sim.State.FindTransaction(other)!.ResultCode.Should().Be("0");
    }

    [Fact]
    public async Task ControlEndpoint_NextPush_AppliesOnceWithItsOwnDelay()
    {
        using var rule = await _sim.ControlAsync(HttpMethod.Post, "outcomes", new { resultCode = "2001", callbackDelaySeconds = 10 });
        rule.StatusCode.Should().Be(HttpStatusCode.Created);

        var first = await _sim.PushAsync("254711000003");
        var second = await _sim.PushAsync("254711000004");
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));
        (await _sim.Receiver.WaitForAsync(1)).Single().Body.Should().Contain(second);
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(7));
        await _sim.Receiver.WaitForAsync(2);

        _sim.State.FindTransaction(first)!.ResultCode.Should().Be("2001");
        _sim.State.FindTransaction(second)!.ResultCode.Should().Be("0");
    }

    [Fact]
    public async Task ControlEndpoint_WithABadPhone_AnswersAProblemNamingTheField()
    {
        using var response = await _sim.ControlAsync(HttpMethod.Post, "outcomes", new { phoneNumber = "12345", resultCode = "1" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("phoneNumber");
    }

    [Fact]
    public async Task Defaults_ChangeTheOutcomeOfUnruledPushes()
    {
        using var put = await _sim.ControlAsync(HttpMethod.Put, "defaults", new { resultCode = "1037", callbackDelaySeconds = 1 });
        put.EnsureSuccessStatusCode();

        var id = await _sim.PushAsync();
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(1));
        await _sim.Receiver.WaitForAsync(1);

        _sim.State.FindTransaction(id)!.ResultCode.Should().Be("1037");
    }

    [Fact]
    public async Task DuplicateCallback_IsPostedTwiceWithTheSameBody()
    {
        await _sim.PushAsync(MagicPhoneNumbers.For(0, CallbackFault.Duplicate));
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(1));

        var callbacks = await _sim.Receiver.WaitForAsync(2);

        callbacks.Should().HaveCount(2);
        callbacks[0].Body.Should().Be(callbacks[1].Body);
    }

    [Fact]
    public async Task LostCallback_IsNeverPosted_ButQueryAndTheTruthSayPaid()
    {
        var id = await _sim.PushAsync(MagicPhoneNumbers.For(0, CallbackFault.Lost));
        await _sim.AdvanceAsync(TimeSpan.FromMinutes(10));
        var control = await _sim.PushAsync("254711000005");
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));
        await _sim.Receiver.WaitForAsync(1);

        _sim.Host.PendingCallbacks.Should().Be(0);
        _sim.Receiver.Received.Should().ContainSingle().Which.Body.Should().Contain(control);
        using var query = await _sim.QueryAsync(id);
        (await SimulatorHarness.ReadJsonAsync(query)).GetProperty("ResultCode").GetString().Should().Be("0");
        using var truth = await _sim.ControlAsync(HttpMethod.Get, $"transactions/{id}");
        var view = await SimulatorHarness.ReadJsonAsync(truth);
        view.GetProperty("paid").GetBoolean().Should().BeTrue();
        view.GetProperty("receiptNumber").GetString().Should().NotBeNullOrEmpty();
        view.GetProperty("deliveries").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task LateCallback_ArrivesAfterQueryAlreadyKnowsTheResult()
    {
        var id = await _sim.PushAsync(MagicPhoneNumbers.For(0, CallbackFault.Late));
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));

        using var query = await _sim.QueryAsync(id);
        (await SimulatorHarness.ReadJsonAsync(query)).GetProperty("ResultCode").GetString().Should().Be("0");
        _sim.Receiver.Received.Should().BeEmpty();

        await _sim.AdvanceAsync(TimeSpan.FromSeconds(30));
        (await _sim.Receiver.WaitForAsync(1)).Single().Body.Should().Contain(id);
    }

    [Fact]
    public async Task Callback_AnsweredWith500_IsNotRetried()
    {
        _sim.Receiver.AnswerStatus = 500;
        var id = await _sim.PushAsync();
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));
        await _sim.Receiver.WaitForAsync(1);
        await _sim.AdvanceAsync(TimeSpan.FromHours(1));

        _sim.Receiver.Received.Should().HaveCount(1);
        _sim.State.FindTransaction(id)!.Deliveries.Should().ContainSingle().Which.StatusCode.Should().Be(500);
    }

    [Fact]
    public async Task BuyGoodsPushWithPayBillPartyB_EndsWithStringCodeSFC_IC0003()
    {
        var body = _sim.PushBody("254711000006");
        body["TransactionType"] = "CustomerBuyGoodsOnline";
        await using var withTill = await SimulatorHarness.StartAsync(o => o.Merchants =
            [new SimulatedMerchant { ShortCode = "174379", PassKey = SimulatorHarness.PassKey, TillNumbers = ["5678901"] }]);
        body["CallBackURL"] = withTill.Receiver.Url("/cb").AbsoluteUri;

        using var response = await withTill.PostAsync("mpesa/stkpush/v1/processrequest", body);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        await withTill.AdvanceAsync(TimeSpan.FromSeconds(3));

        var stk = (await withTill.Receiver.WaitForAsync(1)).Single().Json.GetProperty("Body").GetProperty("stkCallback");
        stk.GetProperty("ResultCode").GetString().Should().Be("SFC_IC0003");
        stk.GetProperty("ResultDesc").GetString().Should().Be("The operator does not exist.");
    }

    [Fact]
    public async Task TransactionsEndpoint_ListsEveryPushWithItsTruth()
    {
        var paid = await _sim.PushAsync("254711000007");
        var cancelled = await _sim.PushAsync(MagicPhoneNumbers.For(1032));
        await _sim.AdvanceAsync(TimeSpan.FromSeconds(3));

        using var response = await _sim.ControlAsync(HttpMethod.Get, "transactions");
        var list = (await SimulatorHarness.ReadJsonAsync(response)).EnumerateArray().ToList();

        list.Should().HaveCount(2);
        var paidView = list.Single(t => t.GetProperty("checkoutRequestId").GetString() == paid);
        paidView.GetProperty("paid").GetBoolean().Should().BeTrue();
        paidView.GetProperty("amount").GetInt64().Should().Be(1);
        paidView.GetProperty("receiptNumber").GetString().Should().NotBeNullOrEmpty();
        var cancelledView = list.Single(t => t.GetProperty("checkoutRequestId").GetString() == cancelled);
        cancelledView.GetProperty("paid").GetBoolean().Should().BeFalse();
        cancelledView.GetProperty("resultCode").GetString().Should().Be("1032");
    }

    private static JsonElement Item(List<JsonElement> items, string name) =>
        items.Single(i => i.GetProperty("Name").GetString() == name).GetProperty("Value");
}
