namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>Answer of a successful recovery; <see cref="PaymentId"/> is null for a direct (PayBill/Till) payment.</summary>
public sealed record RecoverResponse(string? PaymentId, PaymentVoucherResponse Voucher);
