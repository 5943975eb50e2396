namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>Why a login was refused, in the order the checks run. The RADIUS layer turns each into a Reply-Message.</summary>
public enum LoginRefusal
{
    UnknownVoucher = 1,
    Revoked = 2,
    Expired = 3,
    DataExhausted = 4,
    DeviceLimitReached = 5,
    RouterNotAllowed = 6,
}
