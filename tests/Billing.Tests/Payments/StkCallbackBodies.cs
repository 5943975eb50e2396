using System.Globalization;

namespace WifiBilling.Billing.Tests.Payments;

/// <summary>STK callback bodies shaped like Daraja's (daraja.md §3): metadata by name, Balance without Value.</summary>
internal static class StkCallbackBodies
{
    private const string SuccessTemplate = """
        {"Body":{"stkCallback":{"MerchantRequestID":"29115-34620561-1","CheckoutRequestID":"CHECKOUT","ResultCode":0,
        "ResultDesc":"The service request is processed successfully.","CallbackMetadata":{"Item":[{"Name":"Amount","Value":AMOUNT.00},
        {"Name":"MpesaReceiptNumber","Value":"RECEIPT"},{"Name":"Balance"},{"Name":"TransactionDate","Value":20240710091530},
        {"Name":"PhoneNumber","Value":MSISDN}]}}}}
        """;

    private const string FailureTemplate = """
        {"Body":{"stkCallback":{"MerchantRequestID":"f1e2-4b95-a71d-b30d3cdbb7a7942864","CheckoutRequestID":"CHECKOUT","ResultCode":CODE,"ResultDesc":"DESC"}}}
        """;

    public static string Success(string checkoutRequestId, long amount, string receipt, string msisdn) =>
        SuccessTemplate
            .Replace("CHECKOUT", checkoutRequestId, StringComparison.Ordinal)
            .Replace("AMOUNT", amount.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("RECEIPT", receipt, StringComparison.Ordinal)
            .Replace("MSISDN", msisdn, StringComparison.Ordinal);

    /// <summary><paramref name="resultCode"/> is raw JSON: <c>1032</c> or <c>"SFC_IC0003"</c>.</summary>
    public static string Failure(string checkoutRequestId, string resultCode, string resultDesc = "Request cancelled by user") =>
        FailureTemplate
            .Replace("CHECKOUT", checkoutRequestId, StringComparison.Ordinal)
            .Replace("CODE", resultCode, StringComparison.Ordinal)
            .Replace("DESC", resultDesc, StringComparison.Ordinal);
}
