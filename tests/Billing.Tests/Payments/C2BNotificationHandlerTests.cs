using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Payments.C2B;
using WifiBilling.Billing.Payments.Daraja.Callbacks;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>C2B validation replies with Daraja's codes; confirmations are recorded once by TransID.</summary>
public sealed class C2BNotificationHandlerTests : IAsyncLifetime
{
    private PaymentsTestRig _rig = null!;

    private C2BNotificationHandler Handler => _rig.Services.GetRequiredService<C2BNotificationHandler>();

    public async Task InitializeAsync() => _rig = await PaymentsTestRig.StartAsync();

    public async Task DisposeAsync() => await _rig.DisposeAsync();

    [Theory]
    [InlineData("""{"TransID":"RKL51ZDR4F","TransAmount":"20.00","BusinessShortCode":"174379","MSISDN":"2547 ***** 126"}""", "0")]
    [InlineData("""{"TransID":"RKL51ZDR4F","TransAmount":"20.00","BusinessShortCode":"","MSISDN":""}""", "0")]
    [InlineData("""{"TransID":"RKL51ZDR4F","TransAmount":"10.00","BusinessShortCode":"174379"}""", "C2B00013")]
    [InlineData("""{"TransID":"RKL51ZDR4F","TransAmount":"20.50","BusinessShortCode":"174379"}""", "C2B00013")]
    [InlineData("""{"TransID":"RKL51ZDR4F","TransAmount":"20.00","BusinessShortCode":"600000"}""", "C2B00015")]
    [InlineData("""{"TransAmount":"20.00"}""", "C2B00016")]
    [InlineData("not json", "C2B00016")]
    public async Task Validate_AnswersWithDarajasCodes(string body, string resultCode)
    {
        await _rig.CreatePlanAsync(priceKes: 20);

        var reply = await Handler.ValidateAsync(body, CancellationToken.None);

        reply.ResultCode.Should().Be(resultCode);
        reply.ResultDesc.Should().Be(resultCode == "0" ? "Accepted" : "Rejected");
    }

    [Fact]
    public async Task Confirm_RecordsOnceByTransId_AndKeepsTheRawBody()
    {
        const string Body = """
            {"TransactionType":"Pay Bill","TransID":"RKL51ZDR4F","TransTime":"20231121121325","TransAmount":"5.00","BusinessShortCode":"600966",
            "BillRefNumber":"Sample Transaction","InvoiceNumber":"","OrgAccountBalance":"25.00","ThirdPartyTransID":"","MSISDN":"2547 ***** 126",
            "FirstName":"NICHOLAS","MiddleName":"","LastName":""}
            """;

        var first = await Handler.ConfirmAsync(Body, CancellationToken.None);
        var duplicate = await Handler.ConfirmAsync(Body, CancellationToken.None);

        first.Recorded.Should().BeTrue();
        duplicate.Recorded.Should().BeTrue("a duplicate confirmation is acknowledged, not stored twice");
        var stored = await _rig.Payments.FindC2BAsync("RKL51ZDR4F", CancellationToken.None);
        stored!.AmountKes.Should().Be(5);
        stored.Msisdn.Should().Be("2547 ***** 126");
        stored.RawPayload.Should().Be(Body);
        stored.TransTime.Should().Be(new DateTimeOffset(2023, 11, 21, 9, 13, 25, TimeSpan.Zero), "TransTime is Kenya time (UTC+3)");
    }

    [Fact]
    public async Task Confirm_Unreadable_IsNotRecorded()
    {
        var result = await Handler.ConfirmAsync("""{"TransID":"RKL51ZDR4F"}""", CancellationToken.None);

        result.Recorded.Should().BeFalse();
        result.Error.Should().Contain("TransAmount");
        DarajaCallbackReply.OtherError.ResultCode.Should().Be("C2B00016");
    }
}
