using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>
/// 202 answer of <c>POST /api/payments/pay</c>: poll <c>GET /api/payments/{paymentId}</c>. The id is a bearer secret:
/// whoever holds it sees the voucher code.
/// </summary>
public sealed record PayResponse(string PaymentId, PaymentStatus Status, PaymentMessageResponse Message);
