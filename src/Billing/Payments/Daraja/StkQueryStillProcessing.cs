namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>Daraja has no final answer yet (HTTP 500 500.001.1001 "The transaction is being processed", or ResultCode 4999). Ask again later.</summary>
public sealed record StkQueryStillProcessing(string CheckoutRequestId, string DarajaMessage) : StkQueryResult(CheckoutRequestId);
