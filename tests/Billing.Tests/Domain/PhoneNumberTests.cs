using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("0712345678", "254712345678")]
    [InlineData("0112345678", "254112345678")]
    [InlineData("+254712345678", "254712345678")]
    [InlineData("+254 712 345 678", "254712345678")]
    [InlineData("254712345678", "254712345678")]
    [InlineData("254-712-345-678", "254712345678")]
    [InlineData("712345678", "254712345678")]
    [InlineData("112345678", "254112345678")]
    [InlineData(" 0712 345-678 ", "254712345678")]
    public void Parse_EveryAcceptedForm_NormalisesTo254(string typed, string expected)
    {
        PhoneNumber.Parse(typed).Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("0812345678")]
    [InlineData("071234567")]
    [InlineData("07123456789")]
    [InlineData("+0712345678")]
    [InlineData("255712345678")]
    [InlineData("2540712345678")]
    [InlineData("0712a45678")]
    [InlineData("+712345678")]
    [InlineData("07.12.34.56.78")]
    public void Parse_AnythingElse_IsAnErrorNamingPhone(string? typed)
    {
        var act = () => PhoneNumber.Parse(typed);

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("phone");
    }

    [Fact]
    public void Masked_HidesTheMiddleDigits()
    {
        var phone = PhoneNumber.Parse("0712345689");

        phone.Masked.Should().Be("2547******89");
        phone.ToString().Should().Be("2547******89", "ToString lands in logs, so it must be masked too");
    }
}
