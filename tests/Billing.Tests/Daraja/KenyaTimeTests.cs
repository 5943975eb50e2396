using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class KenyaTimeTests
{
    [Fact]
    public void ToTimestamp_UtcInstant_IsWrittenInNairobiTime()
    {
        // 06:24:08 UTC is 09:24:08 EAT: the [OFF-STK] sample timestamp.
        KenyaTime.ToTimestamp(new DateTimeOffset(2021, 6, 28, 6, 24, 8, TimeSpan.Zero)).Should().Be("20210628092408");
    }

    [Fact]
    public void ToTimestamp_AcrossMidnightUtc_MovesToTheNextKenyanDay()
    {
        KenyaTime.ToTimestamp(new DateTimeOffset(2023, 12, 31, 22, 30, 0, TimeSpan.Zero)).Should().Be("20240101013000");
    }

    [Fact]
    public void TryParseTimestamp_CallbackTransactionDate_IsAUtcInstant()
    {
        KenyaTime.TryParseTimestamp(20191219102115L, out var utc).Should().BeTrue();

        utc.Should().Be(new DateTimeOffset(2019, 12, 19, 7, 21, 15, TimeSpan.Zero));
        utc.Offset.Should().Be(TimeSpan.Zero);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2019121910211")]
    [InlineData("20191319102115")]
    [InlineData("2019121910211x")]
    public void TryParseTimestamp_NotADarajaTimestamp_IsFalse(string? text) =>
        KenyaTime.TryParseTimestamp(text, out _).Should().BeFalse();
}
