using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Daraja.Wire;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class DarajaErrorReaderTests
{
    [Theory]
    [InlineData(404, "404.001.03", "Invalid Access Token", DarajaErrorKind.InvalidToken)]
    [InlineData(400, "400.003.01", "Invalid Access Token", DarajaErrorKind.InvalidToken)]
    [InlineData(400, "400.008.02", "Invalid grant type passed", DarajaErrorKind.AuthenticationFailed)]
    [InlineData(400, "400.008.01", "Invalid Authentication passed", DarajaErrorKind.AuthenticationFailed)]
    [InlineData(500, "500.001.1001", "Wrong credentials", DarajaErrorKind.WrongCredentials)]
    [InlineData(500, "500.001.1001", "Merchant does not exist", DarajaErrorKind.MerchantDoesNotExist)]
    [InlineData(500, "500.001.1001", "Unable to lock subscriber, a transaction is already in process for the current subscriber", DarajaErrorKind.SubscriberLocked)]
    [InlineData(500, "500.003.02", "Error Occurred: Spike Arrest Violation", DarajaErrorKind.RateLimited)]
    [InlineData(500, "500.003.02", "System is busy. Please try again in few minutes.", DarajaErrorKind.RateLimited)]
    [InlineData(500, "500.003.03", "Quota Violation", DarajaErrorKind.RateLimited)]
    [InlineData(404, "404.001.01", "Resource not found", DarajaErrorKind.NotFound)]
    [InlineData(405, "405.001", "Method Not Allowed", DarajaErrorKind.NotFound)]
    [InlineData(500, "500.003.1001", "Internal Server Error", DarajaErrorKind.ServerError)]
    public void Read_JsonErrorObject_MapsTheCode(int status, string code, string message, DarajaErrorKind kind)
    {
        var error = DarajaErrorReader.Read(DarajaOperation.StkPush, Json(status, code, message));

        error.Kind.Should().Be(kind);
        error.ErrorCode.Should().Be(code);
        error.HttpStatus.Should().Be(status);
        error.RequestId.Should().Be("10219-2484793-1");
        error.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("Bad Request - Invalid BusinessShortCode", "BusinessShortCode")]
    [InlineData("Bad Request - Invalid PhoneNumber", "PhoneNumber")]
    [InlineData("Bad Request – Invalid CallBackURL", "CallBackURL")]
    [InlineData("Bad Request - Invalid Remarks", "Remarks")]
    public void Read_BadRequest_NamesTheField(string message, string field)
    {
        var error = DarajaErrorReader.Read(DarajaOperation.StkPush, Json(400, "400.002.02", message));

        error.Kind.Should().Be(DarajaErrorKind.BadRequest);
        error.Field.Should().Be(field);
        error.IsOutcomeUnknown.Should().BeFalse("a refused push was not processed");
    }

    [Fact]
    public void Read_SoapFaultJson_IsAServerErrorCarryingTheFaultString()
    {
        const string soap = """{"Envelope":{"encodingStyle":"http:\/\/schemas.xmlsoap.org\/soap\/encoding\/","Body":{"Fault":{"faultcode":"soap:Server","faultstring":"Execution of ServiceCallout SCO-AddURLVault failed. Reason: ResponseCode 409 is treated as error","faultactor":{},"detail":{"source":{"errorcode":"steps.servicecallout.ExecutionFailed"}}}}}}""";

        var error = DarajaErrorReader.Read(DarajaOperation.C2BRegisterUrls, new DarajaReply(500, "application/json", soap));

        error.Kind.Should().Be(DarajaErrorKind.ServerError);
        error.ErrorCode.Should().Be("steps.servicecallout.ExecutionFailed");
        error.Message.Should().Contain("SCO-AddURLVault");
    }

    [Fact]
    public void Read_SoapFaultAboutTheAccessToken_IsInvalidToken()
    {
        const string soap = """{"Envelope":{"Body":{"Fault":{"faultcode":"soap:Client","faultstring":"Invalid Access Token"}}}}""";

        DarajaErrorReader.Read(DarajaOperation.StkQuery, new DarajaReply(401, "application/json", soap))
            .Kind.Should().Be(DarajaErrorKind.InvalidToken);
    }

    [Theory]
    [InlineData(401, DarajaOperation.StkPush, DarajaErrorKind.InvalidToken)]
    [InlineData(401, DarajaOperation.AccessToken, DarajaErrorKind.AuthenticationFailed)]
    [InlineData(503, DarajaOperation.StkPush, DarajaErrorKind.ServerError)]
    [InlineData(429, DarajaOperation.StkQuery, DarajaErrorKind.RateLimited)]
    public void Read_HtmlPage_IsJudgedByStatus(int status, DarajaOperation operation, DarajaErrorKind kind)
    {
        var html = new DarajaReply(status, "text/html", "<html><body>Apigee SPA Proxy</body></html>");

        var error = DarajaErrorReader.Read(operation, html);

        error.Kind.Should().Be(kind);
        error.Message.Should().Contain("HTML");
    }

    [Fact]
    public void Read_EmptyAndInvalidBodies_AreJudgedByStatus()
    {
        var empty = DarajaErrorReader.Read(DarajaOperation.StkQuery, new DarajaReply(502, null, string.Empty));
        var garbage = DarajaErrorReader.Read(DarajaOperation.StkQuery, new DarajaReply(500, "application/json", "{\"errorCode\":"));

        empty.Kind.Should().Be(DarajaErrorKind.ServerError);
        empty.Message.Should().Contain("empty body");
        garbage.Kind.Should().Be(DarajaErrorKind.ServerError);
    }

    [Fact]
    public void Read_PushServerErrors_AreOutcomeUnknown_QueryErrorsAreNot()
    {
        DarajaErrorReader.Read(DarajaOperation.StkPush, new DarajaReply(503, "text/html", "<html/>")).IsOutcomeUnknown.Should().BeTrue();
        DarajaErrorReader.Read(DarajaOperation.StkPush, Json(500, "500.003.1001", "Internal Server Error")).IsOutcomeUnknown.Should().BeTrue();
        DarajaErrorReader.Read(DarajaOperation.StkPush, Json(500, "500.001.1001", "Wrong credentials")).IsOutcomeUnknown.Should().BeFalse();
        DarajaErrorReader.Read(DarajaOperation.StkQuery, new DarajaReply(503, "text/html", "<html/>")).IsOutcomeUnknown.Should().BeFalse();
    }

    private static DarajaReply Json(int status, string code, string message) =>
        new(status, "application/json", $$"""{"requestId":"10219-2484793-1","errorCode":"{{code}}","errorMessage":"{{message}}"}""");
}
