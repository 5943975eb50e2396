namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// 500.001.1001 "The transaction does not Exist": Daraja does not know this CheckoutRequestID (wrong id, other
/// shortcode or environment). Not proof that no money moved if the push was just made; the reconciler decides.
/// </summary>
public sealed record StkQueryTransactionNotFound(string CheckoutRequestId, string DarajaMessage) : StkQueryResult(CheckoutRequestId);
