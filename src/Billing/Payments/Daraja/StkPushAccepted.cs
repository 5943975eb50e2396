namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// Daraja accepted the push for processing (ResponseCode "0"). Not a payment: the result arrives by callback or
/// STK Query, keyed by <paramref name="CheckoutRequestId"/>.
/// </summary>
public sealed record StkPushAccepted(
    string MerchantRequestId,
    string CheckoutRequestId,
    string ResponseCode,
    string ResponseDescription,
    string CustomerMessage);
