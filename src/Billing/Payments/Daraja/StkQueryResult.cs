namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// What STK Query said about a push: <see cref="StkQueryCompleted"/>, <see cref="StkQueryStillProcessing"/>
/// (500.001.1001 "being processed" or ResultCode 4999: never a failure) or <see cref="StkQueryTransactionNotFound"/>.
/// </summary>
public abstract record StkQueryResult(string CheckoutRequestId);
