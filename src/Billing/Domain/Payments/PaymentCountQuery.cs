using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// Counts payments created since <see cref="Since"/> that match every given key, for STK-push abuse limits.
/// <see cref="Statuses"/> null counts every status (pass Pending + Paid to let a customer who cancelled retry at once).
/// </summary>
public sealed record PaymentCountQuery(
    DateTimeOffset Since,
    PhoneNumber? Phone = null,
    MacAddress? Mac = null,
    string? ClientIp = null,
    IReadOnlyCollection<PaymentStatus>? Statuses = null);
