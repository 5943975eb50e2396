namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// The push has a final result. Query answers carry no receipt or amount (daraja.md §4), and the sandbox query has
/// contradicted successful callbacks: never let a query overwrite a confirmed success.
/// </summary>
public sealed record StkQueryCompleted(
    string CheckoutRequestId,
    string? MerchantRequestId,
    StkResultCode ResultCode,
    string ResultDesc) : StkQueryResult(CheckoutRequestId)
{
    public StkResultInfo Result => StkResultCodes.Describe(ResultCode);

    public bool IsPaid => ResultCode.IsSuccess;
}
