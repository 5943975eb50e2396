namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// What Daraja said about a payment (from the STK callback or an STK Query), already mapped to a status by the
/// M-Pesa layer. <see cref="ResultCode"/> is a string because Daraja also sends codes like <c>SFC_IC0003</c>.
/// A query result carries no receipt; a callback's <see cref="MpesaReceipt"/> fills it in later.
/// </summary>
public sealed record PaymentOutcome(
    PaymentStatus Status,
    string? ResultCode,
    string? ResultDesc,
    string? MpesaReceipt = null,
    long? PaidAmountKes = null,
    DateTimeOffset? PaidAt = null)
{
    public static PaymentOutcome Paid(string? resultCode, string? resultDesc, string? mpesaReceipt, long? paidAmountKes, DateTimeOffset? paidAt = null) =>
        new(PaymentStatus.Paid, resultCode, resultDesc, mpesaReceipt, paidAmountKes, paidAt);

    public static PaymentOutcome Unpaid(PaymentStatus status, string? resultCode, string? resultDesc) =>
        status == PaymentStatus.Paid || status == PaymentStatus.Pending
            ? throw new ArgumentOutOfRangeException(nameof(status), status, "An unpaid outcome is Failed, Cancelled or TimedOut.")
            : new(status, resultCode, resultDesc);
}
