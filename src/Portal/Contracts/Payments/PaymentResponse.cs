using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>Answer of <c>GET /api/payments/{paymentId}</c>; <see cref="Voucher"/> is null until the payment is paid.</summary>
public sealed record PaymentResponse(
    string PaymentId,
    PaymentStatus Status,
    PaymentMessageResponse Message,
    PaymentPlanResponse Plan,
    long Amount,
    PaymentVoucherResponse? Voucher);
