using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class MacAddressTests
{
    [Theory]
    [InlineData("BC:24:11:EB:56:4D")]
    [InlineData("bc:24:11:eb:56:4d")]
    [InlineData("BC-24-11-EB-56-4D")]
    [InlineData("BC2411:EB564D")]
    [InlineData("BC2411-EB564D")]
    [InlineData("BC24:11EB:564D")]
    [InlineData("BC2411EB564D")]
    [InlineData("BC 24 11 EB 56 4D")]
    [InlineData("bc24.11eb.564d")]
    public void Parse_EveryRouterOsMacFormat_NormalisesToColons(string text)
    {
        MacAddress.Parse(text).Value.Should().Be("BC:24:11:EB:56:4D");
    }

    [Theory]
    [InlineData("BC:24:11:EB:56")]
    [InlineData("BC:24:11:EB:56:4D:00")]
    [InlineData("BC:24:11:EB:56:4G")]
    [InlineData("")]
    public void Parse_NotAMac_NamesTheField(string text)
    {
        var act = () => MacAddress.Parse(text);

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("mac");
    }
}
