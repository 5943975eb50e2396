using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>A payment in the operator's list. The phone is masked (<c>2547******89</c>).</summary>
public sealed record AdminPaymentResponse(
    string PaymentId,
    PaymentStatus Status,
    string Phone,
    long Amount,
    long? PaidAmount,
    PaymentPlanResponse Plan,
    string? RouterId,
    string? Mac,
    string? Ip,
    string? CheckoutRequestId,
    string? MpesaReceipt,
    string? ResultCode,
    string? ResultDesc,
    string? VoucherCode,
    int QueryAttempts,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? PaidAt);
