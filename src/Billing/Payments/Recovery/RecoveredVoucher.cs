using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Payments.Recovery;

/// <summary>What recovery hands back: the voucher, and the STK payment it came from (null for a direct payment).</summary>
public sealed record RecoveredVoucher(string? PaymentId, Voucher Voucher);
