namespace WifiBilling.Billing.Payments.Daraja.Callbacks;

/// <summary>
/// A C2B validation or confirmation (same shape; daraja.md §5). <see cref="Msisdn"/> is masked (<c>2547 ***** 126</c>,
/// v2), a SHA-256 hash (v1) or empty: it is not a phone number to rely on.
/// </summary>
public sealed record C2BPaymentNotification(
    string TransactionType,
    string TransId,
    DateTimeOffset? TransTime,
    long TransAmount,
    string BusinessShortCode,
    string BillRefNumber,
    string InvoiceNumber,
    string OrgAccountBalance,
    string ThirdPartyTransId,
    string Msisdn,
    string FirstName,
    string MiddleName,
    string LastName);
