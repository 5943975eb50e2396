using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Tests.Daraja;

public sealed class MpesaPhoneNumberTests
{
    [Theory]
    [InlineData("0712345678", "254712345678")]
    [InlineData("0712 345 678", "254712345678")]
    [InlineData("+254712345678", "254712345678")]
    [InlineData("254712345678", "254712345678")]
    [InlineData("712345678", "254712345678")]
    [InlineData("0112345678", "254112345678")]
    [InlineData("+254-110-123-456", "254110123456")]
    public void TryNormalize_WhatCustomersType_GivesDarajasFormat(string input, string expected)
    {
        MpesaPhoneNumber.TryNormalize(input, out var msisdn).Should().BeTrue();
        msisdn.Should().Be(expected);
        MpesaPhoneNumber.IsValid(msisdn).Should().BeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0812345678")]
    [InlineData("25471234567")]
    [InlineData("2547123456789")]
    [InlineData("07123abc78")]
    [InlineData("+44712345678")]
    [InlineData("0712345678+")]
    public void TryNormalize_NotAKenyanMobileNumber_IsFalse(string? input) =>
        MpesaPhoneNumber.TryNormalize(input, out _).Should().BeFalse();

    [Fact]
    public void Mask_KeepsOnlyTheFirstFourAndLastTwoDigits() =>
        MpesaPhoneNumber.Mask("254712345689").Should().Be("2547******89");
}
