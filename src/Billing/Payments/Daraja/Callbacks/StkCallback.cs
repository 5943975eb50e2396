namespace WifiBilling.Billing.Payments.Daraja.Callbacks;

/// <summary>
/// An STK callback (<c>Body.stkCallback</c>, daraja.md §3). Metadata is present only on success, and even then any
/// item may be missing (Balance usually has no Value): the payment code must check <see cref="Amount"/> itself.
/// </summary>
public sealed record StkCallback(
    string? MerchantRequestId,
    string CheckoutRequestId,
    StkResultCode ResultCode,
    string ResultDesc,
    long? Amount,
    string? MpesaReceiptNumber,
    DateTimeOffset? TransactionDate,
    string? PhoneNumber,
    decimal? Balance)
{
    public bool IsSuccess => ResultCode.IsSuccess;

    public StkResultInfo Result => StkResultCodes.Describe(ResultCode);
}
