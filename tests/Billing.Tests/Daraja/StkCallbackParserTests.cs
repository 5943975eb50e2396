using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Daraja.Callbacks;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class StkCallbackParserTests
{
    [Fact]
    public void Parse_OfficialSuccessSample_ReadsEveryItemByName()
    {
        var result = StkCallbackParser.Parse(DarajaSamples.OfficialSuccessCallback);

        result.IsSuccess.Should().BeTrue(result.Error);
        var callback = result.Value!;
        callback.MerchantRequestId.Should().Be("29115-34620561-1");
        callback.CheckoutRequestId.Should().Be("ws_CO_191220191020363925");
        callback.IsSuccess.Should().BeTrue();
        callback.Result.Outcome.Should().Be(StkPaymentOutcome.Paid);
        callback.Amount.Should().Be(1);
        callback.MpesaReceiptNumber.Should().Be("NLJ7RT61SV");
        callback.TransactionDate.Should().Be(new DateTimeOffset(2019, 12, 19, 7, 21, 15, TimeSpan.Zero));
        callback.PhoneNumber.Should().Be("254708374149");
        callback.Balance.Should().BeNull();
    }

    [Fact]
    public void Parse_BalanceItemWithoutValue_IsFine()
    {
        var callback = StkCallbackParser.Parse(DarajaSamples.BalanceWithoutValueCallback).Value!;

        callback.Amount.Should().Be(1);
        callback.MpesaReceiptNumber.Should().Be("RLA0R69NXM");
        callback.Balance.Should().BeNull();
        callback.TransactionDate.Should().Be(new DateTimeOffset(2023, 12, 10, 10, 34, 16, TimeSpan.Zero));
        callback.PhoneNumber.Should().Be("254768130105");
    }

    [Theory]
    [InlineData(nameof(DarajaSamples.Cancelled1032Callback), "1032", StkPaymentOutcome.Cancelled, "ws_CO_21072024125243250722943992")]
    [InlineData(nameof(DarajaSamples.Expired1019Callback), "1019", StkPaymentOutcome.TimedOut, "ws_CO_23052022122137653708374149")]
    [InlineData(nameof(DarajaSamples.NoResponse1037Callback), "1037", StkPaymentOutcome.TimedOut, "ws_CO_220920261335362708374149")]
    [InlineData(nameof(DarajaSamples.OperatorDoesNotExistCallback), "SFC_IC0003", StkPaymentOutcome.Failed, "ws_CO_191220191020363925")]
    public void Parse_FailureSamples_HaveNoMetadataAndTheirOutcome(string sample, string code, StkPaymentOutcome outcome, string id)
    {
        var json = (string)typeof(DarajaSamples).GetField(sample)!.GetValue(null)!;

        var result = StkCallbackParser.Parse(json);

        result.IsSuccess.Should().BeTrue(result.Error);
        var callback = result.Value!;
        callback.CheckoutRequestId.Should().Be(id);
        callback.ResultCode.Value.Should().Be(code);
        callback.IsSuccess.Should().BeFalse();
        callback.Result.Outcome.Should().Be(outcome);
        callback.Amount.Should().BeNull();
        callback.MpesaReceiptNumber.Should().BeNull();
    }

    [Fact]
    public void Parse_ItemsInAnotherOrderAndValuesAsStrings_StillReadByName()
    {
        const string json = """
            {"Body":{"stkCallback":{"MerchantRequestID":"1","CheckoutRequestID":"ws_CO_1","ResultCode":"0","ResultDesc":"ok",
              "CallbackMetadata":{"Item":[
                {"Name":"PhoneNumber","Value":"254712345678"},
                {"Name":"TransactionDate","Value":"20240101013000"},
                {"Name":"Balance","Value":32009.9},
                {"Name":"MpesaReceiptNumber","Value":"SG722NMVXQ"},
                {"Name":"Amount","Value":"10500.00"}]}}}}
            """;

        var callback = StkCallbackParser.Parse(json).Value!;

        callback.IsSuccess.Should().BeTrue();
        callback.Amount.Should().Be(10500);
        callback.Balance.Should().Be(32009.9m);
        callback.PhoneNumber.Should().Be("254712345678");
        callback.TransactionDate.Should().Be(new DateTimeOffset(2023, 12, 31, 22, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_FractionalAmount_IsRefused()
    {
        var json = DarajaSamples.OfficialSuccessCallback.Replace("\"Value\": 1.00", "\"Value\": 1.50", StringComparison.Ordinal);

        var result = StkCallbackParser.Parse(json);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Contain("Amount").And.Contain("1.50");
    }

    [Fact]
    public void Parse_SuccessWithoutMetadata_ParsesWithNoAmount()
    {
        var result = StkCallbackParser.Parse("""{"Body":{"stkCallback":{"CheckoutRequestID":"ws_CO_1","ResultCode":0,"ResultDesc":"ok"}}}""");

        result.IsSuccess.Should().BeTrue();
        result.Value!.IsSuccess.Should().BeTrue();
        result.Value.Amount.Should().BeNull("the payment code must refuse to mint without an amount it can check");
    }

    [Fact]
    public void Parse_UnreadableDateAndPhone_AreLeftEmptyNotFatal()
    {
        var json = DarajaSamples.OfficialSuccessCallback
            .Replace("20191219102115", "\"yesterday\"", StringComparison.Ordinal)
            .Replace("254708374149", "null", StringComparison.Ordinal);

        var callback = StkCallbackParser.Parse(json).Value!;

        callback.TransactionDate.Should().BeNull();
        callback.PhoneNumber.Should().BeNull();
        callback.Amount.Should().Be(1);
    }

    [Theory]
    [InlineData(nameof(DarajaSamples.MaskedPhoneInvalidJsonCallback), "not a JSON object")]
    [InlineData(null, "not a JSON object")]
    [InlineData("", "not a JSON object")]
    [InlineData("[1,2]", "not a JSON object")]
    [InlineData("{\"Body\":{}}", "Body.stkCallback")]
    [InlineData("{\"Body\":{\"stkCallback\":{\"ResultCode\":0}}}", "CheckoutRequestID")]
    [InlineData("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\"}}}", "ResultCode")]
    [InlineData("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0,\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":\"ten\"}]}}}}", "Amount")]
    [InlineData("{\"Body\":{\"stkCallback\":{\"CheckoutRequestID\":\"ws_CO_1\",\"ResultCode\":0,\"CallbackMetadata\":{\"Item\":[{\"Name\":\"Amount\",\"Value\":-5}]}}}}", "Amount")]
    public void Parse_BadOrPartialJson_IsACleanFailure(string? input, string reason)
    {
        var json = input is not null && typeof(DarajaSamples).GetField(input) is { } field ? (string)field.GetValue(null)! : input;

        var result = StkCallbackParser.Parse(json);

        result.IsSuccess.Should().BeFalse();
        result.Value.Should().BeNull();
        result.Error.Should().Contain(reason);
    }
}
