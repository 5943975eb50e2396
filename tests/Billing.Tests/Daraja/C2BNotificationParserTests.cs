using WifiBilling.Billing.Payments.Daraja.Callbacks;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class C2BNotificationParserTests
{
    [Fact]
    public void Parse_OfficialMaskedV2Sample_ReadsEveryField()
    {
        var result = C2BNotificationParser.Parse(DarajaSamples.C2BMaskedV2);

        result.IsSuccess.Should().BeTrue(result.Error);
        var payment = result.Value!;
        payment.TransactionType.Should().Be("Pay Bill");
        payment.TransId.Should().Be("RKL51ZDR4F");
        payment.TransTime.Should().Be(new DateTimeOffset(2023, 11, 21, 9, 13, 25, TimeSpan.Zero));
        payment.TransAmount.Should().Be(5);
        payment.BusinessShortCode.Should().Be("600966");
        payment.BillRefNumber.Should().Be("Sample Transaction");
        payment.OrgAccountBalance.Should().Be("25.00");
        payment.Msisdn.Should().Be("2547 ***** 126");
        payment.FirstName.Should().Be("NICHOLAS");
        payment.MiddleName.Should().BeEmpty();
    }

    [Fact]
    public void Parse_V1SampleWithMissingCommas_IsACleanFailure()
    {
        var result = C2BNotificationParser.Parse(DarajaSamples.C2BV1MissingCommas);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Contain("not a JSON object");
    }

    [Fact]
    public void Parse_OlderDocsSample_HasWholeShillingsFromTen()
    {
        var payment = C2BNotificationParser.Parse(DarajaSamples.C2BOlderDocs).Value!;

        payment.TransAmount.Should().Be(10);
        payment.OrgAccountBalance.Should().Be("49197.00");
        payment.Msisdn.Should().Be("254708374149");
    }

    [Fact]
    public void Parse_HashedMsisdnAndMissingNames_AreKeptAsGiven()
    {
        var payment = C2BNotificationParser.Parse(DarajaSamples.C2BHashedProduction).Value!;

        payment.TransId.Should().Be("TCP04M1HHO");
        payment.BusinessShortCode.Should().Be("4141247");
        payment.Msisdn.Should().Be("697611420...");
        payment.LastName.Should().BeEmpty();
    }

    [Fact]
    public void Parse_NumbersInsteadOfStrings_AreTolerated()
    {
        var payment = C2BNotificationParser.Parse("""{"TransID":"ABC","TransAmount":20,"MSISDN":""}""").Value!;

        payment.TransAmount.Should().Be(20);
        payment.Msisdn.Should().BeEmpty();
        payment.TransTime.Should().BeNull();
    }

    [Theory]
    [InlineData("""{"TransID":"ABC","TransAmount":"5.50"}""", "TransAmount")]
    [InlineData("""{"TransID":"ABC","TransAmount":"0.00"}""", "TransAmount")]
    [InlineData("""{"TransID":"ABC"}""", "TransAmount")]
    [InlineData("""{"TransAmount":"5.00"}""", "TransID")]
    [InlineData("<html></html>", "not a JSON object")]
    public void Parse_UnusablePayload_NamesWhatIsWrong(string json, string reason)
    {
        var result = C2BNotificationParser.Parse(json);

        result.IsSuccess.Should().BeFalse();
        result.Error.Should().Contain(reason);
    }
}
