using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class RateLimitTests
{
    [Theory]
    [InlineData("128k", 128_000, 128_000)]
    [InlineData("64k/128M", 64_000, 128_000_000)]
    [InlineData("2M/5M", 2_000_000, 5_000_000)]
    [InlineData("1G/1G", 1_000_000_000, 1_000_000_000)]
    [InlineData("64k 256k", 64_000, 64_000)]
    [InlineData("64k/64k 256k/256k 128k/128k 10/10", 64_000, 64_000)]
    [InlineData("1M/2M 2M/4M 1M/2M 10/10 8", 1_000_000, 2_000_000)]
    [InlineData("1M/2M 2M/4M 1M/2M 10/10 8 512k/1M", 1_000_000, 2_000_000)]
    [InlineData("0/0", 0, 0)]
    public void Parse_RouterOsGrammar_IsAccepted(string text, long upload, long download)
    {
        var rateLimit = RateLimit.Parse(text);

        rateLimit.UploadBitsPerSecond.Should().Be(upload, "rx is the customer's upload");
        rateLimit.DownloadBitsPerSecond.Should().Be(download, "tx is the customer's download");
    }

    [Fact]
    public void Parse_ExtraSpaces_AreNormalised()
    {
        RateLimit.Parse("  2M/5M   4M/8M ").Value.Should().Be("2M/5M 4M/8M");
    }

    [Theory]
    [InlineData("")]
    [InlineData("fast")]
    [InlineData("2Mb/5Mb")]
    [InlineData("2M/5M/6M")]
    [InlineData("2.5M/5M")]
    [InlineData("-1M/5M")]
    [InlineData("2M/")]
    [InlineData("1M/2M 2M/4M 1M/2M 10/10 9")]
    [InlineData("1M/2M 2M/4M 1M/2M 10/10 0")]
    [InlineData("1M/2M 2M/4M 1M/2M ten/10")]
    [InlineData("1M/2M 2M/4M 1M/2M 10/10 8 4M/1M")]
    [InlineData("1M 1M 1M 1 1 1M 1M")]
    public void Parse_NotRouterOsGrammar_IsAnErrorNamingTheField(string text)
    {
        var act = () => RateLimit.Parse(text);

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("rateLimit");
    }
}
