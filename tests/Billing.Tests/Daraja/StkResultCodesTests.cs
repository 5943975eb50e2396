using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class StkResultCodesTests
{
    [Theory]
    [InlineData("0", StkPaymentOutcome.Paid)]
    [InlineData("1", StkPaymentOutcome.Failed)]
    [InlineData("2", StkPaymentOutcome.Failed)]
    [InlineData("3", StkPaymentOutcome.Failed)]
    [InlineData("4", StkPaymentOutcome.Failed)]
    [InlineData("8", StkPaymentOutcome.Failed)]
    [InlineData("17", StkPaymentOutcome.Failed)]
    [InlineData("1001", StkPaymentOutcome.Failed)]
    [InlineData("1019", StkPaymentOutcome.TimedOut)]
    [InlineData("1025", StkPaymentOutcome.Failed)]
    [InlineData("1031", StkPaymentOutcome.Cancelled)]
    [InlineData("1032", StkPaymentOutcome.Cancelled)]
    [InlineData("1036", StkPaymentOutcome.TimedOut)]
    [InlineData("1037", StkPaymentOutcome.TimedOut)]
    [InlineData("2001", StkPaymentOutcome.Failed)]
    [InlineData("2028", StkPaymentOutcome.Failed)]
    [InlineData("4999", StkPaymentOutcome.Pending)]
    [InlineData("8006", StkPaymentOutcome.Failed)]
    [InlineData("9999", StkPaymentOutcome.Failed)]
    [InlineData("SFC_IC0003", StkPaymentOutcome.Failed)]
    [InlineData("sfc_ic0003", StkPaymentOutcome.Failed)]
    [InlineData("123456", StkPaymentOutcome.Failed)]
    public void Describe_KnownAndUnknownCodes_GiveTheirOutcome(string code, StkPaymentOutcome outcome) =>
        StkResultCodes.Describe(code).Outcome.Should().Be(outcome);

    [Fact]
    public void Describe_1032_SaysTheCustomerCancelled_InEnglishAndSwahili()
    {
        var info = StkResultCodes.Describe(1032);

        info.CustomerMessageEnglish.Should().Be("You cancelled the M-Pesa request.");
        info.CustomerMessageSwahili.Should().Be("Umeghairi ombi la M-Pesa.");
        info.CustomerMayRetry.Should().BeTrue();
    }

    [Theory]
    [InlineData(1, "balance")]
    [InlineData(1037, "reach your phone")]
    [InlineData(2001, "PIN")]
    [InlineData(1019, "expired")]
    public void Describe_CommonFailures_ExplainThemselvesToTheCustomer(long code, string words) =>
        StkResultCodes.Describe(code).CustomerMessageEnglish.Should().Contain(words);

    [Fact]
    public void Describe_NumberAndStringForms_AreTheSameCode() =>
        StkResultCodes.Describe(1032L).Should().Be(StkResultCodes.Describe("1032"));

    [Fact]
    public void Describe_UnknownCode_KeepsTheCodeAndHasAGenericMessage()
    {
        var info = StkResultCodes.Describe("TP40087");

        info.Code.Value.Should().Be("TP40087");
        info.CustomerMessageEnglish.Should().NotBeNullOrWhiteSpace();
        info.CustomerMessageSwahili.Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public void Known_EveryEntry_HasBothLanguagesAndThemDiffer()
    {
        StkResultCodes.Known.Should().HaveCountGreaterThanOrEqualTo(20);
        StkResultCodes.Known.Should().OnlyContain(i =>
            i.CustomerMessageEnglish.Length > 0 && i.CustomerMessageSwahili.Length > 0
            && i.CustomerMessageEnglish != i.CustomerMessageSwahili);
    }

    [Fact]
    public void Paid_And_Pending_AreNotRetryable() =>
        StkResultCodes.Known.Where(i => i.CustomerMayRetry).Should()
            .NotContain(i => i.Outcome == StkPaymentOutcome.Paid || i.Outcome == StkPaymentOutcome.Pending);
}
