using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class OctetCounterTests
{
    [Theory]
    [InlineData(0u, 0u, 0L)]
    [InlineData(56u, 0u, 56L)]
    [InlineData(uint.MaxValue, 0u, 4_294_967_295L)]
    [InlineData(0u, 1u, 4_294_967_296L)]
    [InlineData(5u, 3u, (3L << 32) + 5)]
    [InlineData(uint.MaxValue, (uint)int.MaxValue, long.MaxValue)]
    [InlineData(0u, uint.MaxValue, long.MaxValue)]
    public void Combine_MergesGigawords(uint octets, uint gigawords, long expected)
    {
        OctetCounter.Combine(octets, gigawords).Should().Be(expected);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(4_294_967_295L)]
    [InlineData(4_294_967_296L)]
    [InlineData(10_000_000_000L)]
    public void Split_IsTheInverseOfCombine(long bytes)
    {
        var (octets, gigawords) = OctetCounter.Split(bytes);

        OctetCounter.Combine(octets, gigawords).Should().Be(bytes);
    }

    [Fact]
    public void Split_FiveGigabytes_IsOneGigawordPlusTheRest()
    {
        OctetCounter.Split(5_000_000_000).Should().Be((705_032_704u, 1u));
    }
}
