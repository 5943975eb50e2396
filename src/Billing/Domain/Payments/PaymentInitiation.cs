using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// A customer asking to buy <see cref="Plan"/>: who (phone), where (router, device MAC, client IP). The amount is
/// the plan's price at this moment.
/// </summary>
public sealed record PaymentInitiation(
    Plan Plan,
    PhoneNumber Phone,
    string? RouterId,
    MacAddress? Mac,
    string? ClientIp);
