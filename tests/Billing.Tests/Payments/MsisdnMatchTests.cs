using System.Security.Cryptography;
using System.Text;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Payments.Recovery;

namespace WifiBilling.Billing.Tests.Payments;

public sealed class MsisdnMatchTests
{
    private static readonly PhoneNumber s_phone = PhoneNumber.Parse("0712345126");

    [Theory]
    [InlineData("2547 ***** 126", true)]
    [InlineData("2547*****126", true)]
    [InlineData("254712***126", true)]
    [InlineData("07** **5126", true)]
    [InlineData("254712345126", true)]
    [InlineData("0712345126", true)]
    [InlineData("2547 ***** 127", false)]
    [InlineData("2548 ***** 126", false)]
    [InlineData("254*******126", false)]
    [InlineData("************", false)]
    [InlineData("2547 ***** ***", false)]
    [InlineData("254712345127", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("JOHN", false)]
    public void Matches_MaskedOrFullNumbers(string? msisdn, bool expected) =>
        MsisdnMatch.Matches(msisdn, s_phone).Should().Be(expected);

    [Fact]
    public void Matches_Sha256OfTheNormalisedNumber()
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes("254712345126")));

        MsisdnMatch.Matches(hash, s_phone).Should().BeTrue("upper or lower case hex");
        MsisdnMatch.Matches(hash.ToLowerInvariant(), s_phone).Should().BeTrue();
        MsisdnMatch.Matches(hash, PhoneNumber.Parse("0712345127")).Should().BeFalse();
    }
}
