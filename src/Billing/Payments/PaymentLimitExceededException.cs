namespace WifiBilling.Billing.Payments;

/// <summary>
/// An abuse limit refused the request (HTTP 429): too many STK pushes, or too many recovery attempts.
/// <see cref="Key"/> says what was counted: phone, mac or ip.
/// </summary>
public sealed class PaymentLimitExceededException : Exception
{
    public PaymentLimitExceededException(string key, string message)
        : base(message)
    {
        Key = key;
    }

    public string Key { get; }
}
