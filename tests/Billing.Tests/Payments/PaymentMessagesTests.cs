using WifiBilling.Billing.Payments.Daraja;
using WifiBilling.Billing.Payments.Status;

namespace WifiBilling.Billing.Tests.Payments;

public sealed class PaymentMessagesTests
{
    [Theory]
    [InlineData(DarajaErrorKind.BadRequest, "PhoneNumber", "push:BadRequest:PhoneNumber")]
    [InlineData(DarajaErrorKind.SubscriberLocked, null, "push:SubscriberLocked")]
    [InlineData(DarajaErrorKind.WrongCredentials, null, "push:WrongCredentials")]
    public void PushFailureCodes_NameTheKindAndField(DarajaErrorKind kind, string? field, string expected)
    {
        var error = new DarajaException(DarajaOperation.StkPush, kind, "refused", field: field);

        PushFailureCodes.For(error).Should().Be(expected);
        PushFailureCodes.IsPushFailure(expected).Should().BeTrue();
        PushFailureCodes.IsPushFailure("1032").Should().BeFalse();
    }

    [Fact]
    public void EveryKnownResultCode_HasBothLanguages()
    {
        foreach (var info in StkResultCodes.Known)
        {
            info.CustomerMessageEnglish.Should().NotBeNullOrWhiteSpace();
            info.CustomerMessageSwahili.Should().NotBeNullOrWhiteSpace().And.NotBe(info.CustomerMessageEnglish);
        }
    }
}
