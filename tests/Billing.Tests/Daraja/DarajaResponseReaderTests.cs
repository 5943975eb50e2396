using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Daraja.Wire;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class DarajaResponseReaderTests
{
    private const string Id = "ws_CO_13012021093521236557";

    [Fact]
    public void ReadStkQuery_OfficialSampleWithStringResultCodeAndTrailingComma_IsCompletedAndPaid()
    {
        var result = DarajaResponseReader.ReadStkQuery(Id, new DarajaReply(200, "application/json", DarajaSamples.OfficialQueryResponse));

        var completed = result.Should().BeOfType<StkQueryCompleted>().Subject;
        completed.ResultCode.Value.Should().Be("0");
        completed.IsPaid.Should().BeTrue();
        completed.MerchantRequestId.Should().Be("22205-34066-1");
    }

    [Fact]
    public void ReadStkQuery_CancelledSampleWithTypo_IsCompletedCancelled()
    {
        var result = DarajaResponseReader.ReadStkQuery("ws_CO_03122023123123361110156957",
            new DarajaReply(200, "application/json", DarajaSamples.CancelledQueryWithTypo));

        var completed = result.Should().BeOfType<StkQueryCompleted>().Subject;
        completed.ResultCode.Value.Should().Be("1032");
        completed.IsPaid.Should().BeFalse();
        completed.Result.Outcome.Should().Be(StkPaymentOutcome.Cancelled);
    }

    [Fact]
    public void ReadStkQuery_ThirdParty1037Log_IsCompletedTimedOut()
    {
        var result = DarajaResponseReader.ReadStkQuery(Id,
            new DarajaReply(200, "application/json", """{"ResponseCode":"0","ResultCode":"1037","ResultDesc":"No response from user."}"""));

        result.Should().BeOfType<StkQueryCompleted>().Which.Result.Outcome.Should().Be(StkPaymentOutcome.TimedOut);
        result.CheckoutRequestId.Should().Be(Id);
    }

    [Fact]
    public void ReadStkQuery_ResultCode4999_IsStillProcessing()
    {
        var result = DarajaResponseReader.ReadStkQuery(Id, new DarajaReply(200, "application/json",
            """{"ResponseCode":"0","ResultCode":4999,"ResultDesc":"The transaction is still under processing"}"""));

        result.Should().BeOfType<StkQueryStillProcessing>();
    }

    [Fact]
    public void ReadStkQuery_Http500BeingProcessed_IsStillProcessingNeverFailure()
    {
        var result = DarajaResponseReader.ReadStkQuery(Id, new DarajaReply(500, "application/json", DarajaSamples.BeingProcessedQueryError));

        result.Should().BeOfType<StkQueryStillProcessing>().Which.DarajaMessage.Should().Contain("being processed");
    }

    [Fact]
    public void ReadStkQuery_TransactionDoesNotExist_IsItsOwnOutcome()
    {
        var result = DarajaResponseReader.ReadStkQuery(Id, new DarajaReply(500, "application/json",
            """{"requestId":"1-2-3","errorCode":"500.001.1001","errorMessage":"The transaction does not Exist"}"""));

        result.Should().BeOfType<StkQueryTransactionNotFound>();
    }

    [Theory]
    [InlineData("Wrong credentials", DarajaErrorKind.WrongCredentials)]
    [InlineData("Merchant does not exist", DarajaErrorKind.MerchantDoesNotExist)]
    public void ReadStkQuery_ConfigurationErrorsSharing500_001_1001_StillThrow(string message, DarajaErrorKind kind)
    {
        var reply = new DarajaReply(500, "application/json", $$"""{"requestId":"1","errorCode":"500.001.1001","errorMessage":"{{message}}"}""");

        var act = () => DarajaResponseReader.ReadStkQuery(Id, reply);

        act.Should().Throw<DarajaException>().Which.Kind.Should().Be(kind);
    }

    [Fact]
    public void ReadStkQuery_200WithoutResultCode_IsAnInvalidResponse()
    {
        var act = () => DarajaResponseReader.ReadStkQuery(Id, new DarajaReply(200, "application/json", """{"ResponseCode":"0"}"""));

        act.Should().Throw<DarajaException>().Which.Kind.Should().Be(DarajaErrorKind.InvalidResponse);
    }

    [Theory]
    [InlineData("""{"access_token":"c9SQxWWhmdVRlyh0zh8gZDTkubVF","expires_in":"3599"}""")]
    [InlineData("""{"access_token":"c9SQxWWhmdVRlyh0zh8gZDTkubVF","expires_in":3599}""")]
    public void ReadAccessToken_ExpiresInAsStringOrNumber(string body)
    {
        var now = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

        var token = DarajaResponseReader.ReadAccessToken(new DarajaReply(200, "application/json", body), now);

        token.Value.Should().Be("c9SQxWWhmdVRlyh0zh8gZDTkubVF");
        token.ExpiresAt.Should().Be(now.AddSeconds(3599));
        token.ToString().Should().NotContain(token.Value, "a token must never reach a log");
    }

    [Fact]
    public void ReadStkPush_OfficialSuccess_ReturnsTheIds()
    {
        var accepted = DarajaResponseReader.ReadStkPush(new DarajaReply(200, "application/json", """
            {
                "MerchantRequestID": "2654-4b64-97ff-b827b542881d3130",
                "CheckoutRequestID": "ws_CO_1007202409152617172396192",
                "ResponseCode": "0",
                "ResponseDescription": "Success. Request accepted for processing",
                "CustomerMessage": "Success. Request accepted for processing"
            }
            """));

        accepted.CheckoutRequestId.Should().Be("ws_CO_1007202409152617172396192");
        accepted.MerchantRequestId.Should().Be("2654-4b64-97ff-b827b542881d3130");
        accepted.ResponseCode.Should().Be("0");
    }

    [Fact]
    public void ReadStkPush_200ThatIsNotJson_IsInvalidAndOutcomeUnknown()
    {
        var act = () => DarajaResponseReader.ReadStkPush(new DarajaReply(200, "application/json", "{\"MerchantRequestID\":"));

        var error = act.Should().Throw<DarajaException>().Which;
        error.Kind.Should().Be(DarajaErrorKind.InvalidResponse);
        error.IsOutcomeUnknown.Should().BeTrue("Daraja may have sent the prompt; settle it by STK Query");
    }
}
