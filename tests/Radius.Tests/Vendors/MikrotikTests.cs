using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;

namespace WifiBilling.Radius.Tests.Vendors;

public sealed class MikrotikTests
{
    [Theory]
    [InlineData(512_000, 2_000_000, "512k/2M")]
    [InlineData(1_000_000, 10_000_000, "1M/10M")]
    [InlineData(1_500, 64_000, "1500/64k")]
    [InlineData(0, 0, "0/0")]
    public void RateLimit_IsUploadSlashDownloadInRouterOsNotation(long upload, long download, string expected)
    {
        var attribute = Mikrotik.RateLimit(upload, download);

        attribute.Is(Mikrotik.VendorId, MikrotikAttributeType.RateLimit).Should().BeTrue();
        attribute.AsString().Should().Be(expected, "rx (router receives = customer upload) comes first");
    }

    [Fact]
    public void TotalLimit_SplitsIntoLowWordAndGigawords()
    {
        var attributes = Mikrotik.TotalLimit(5UL * 1024 * 1024 * 1024 + 123);

        attributes.Should().HaveCount(2);
        attributes[0].Is(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit).Should().BeTrue();
        attributes[0].AsUInt32().Should().Be(1u * 1024 * 1024 * 1024 + 123);
        attributes[1].Is(Mikrotik.VendorId, MikrotikAttributeType.TotalLimitGigawords).Should().BeTrue();
        attributes[1].AsUInt32().Should().Be(1);
    }

    [Fact]
    public void RecvAndXmitLimits_UseTheirOwnGigawordsAttributes()
    {
        Mikrotik.RecvLimit(100).Select(a => a.VendorType).Should().Equal(MikrotikAttributeType.RecvLimit, MikrotikAttributeType.RecvLimitGigawords);
        Mikrotik.XmitLimit(100).Select(a => a.VendorType).Should().Equal(MikrotikAttributeType.XmitLimit, MikrotikAttributeType.XmitLimitGigawords);
    }

    [Fact]
    public void WisprRedirectionUrl_IsVendor14122Type4()
    {
        var attribute = Wispr.RedirectionUrl(new Uri("https://portal.example.com/welcome"));

        attribute.Is(Wispr.VendorId, WisprAttributeType.RedirectionUrl).Should().BeTrue();
        attribute.AsString().Should().Be("https://portal.example.com/welcome");
        attribute.EncodedLength.Should().Be(8 + attribute.Value.Length);
        RadiusAttributeType.VendorSpecific.Should().Be(attribute.Type);
    }
}
