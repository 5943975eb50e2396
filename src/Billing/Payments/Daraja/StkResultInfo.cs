namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// The meaning of one STK ResultCode: its category and what to tell the customer, in English and Swahili.
/// <paramref name="DarajaDescription"/> is Safaricom's own wording, for logs only: map on the code, never on prose.
/// </summary>
public sealed record StkResultInfo(
    StkResultCode Code,
    StkPaymentOutcome Outcome,
    string DarajaDescription,
    string CustomerMessageEnglish,
    string CustomerMessageSwahili)
{
    /// <summary>True when the customer can simply try again (cancelled, timed out, wrong PIN, funds topped up …).</summary>
    public bool CustomerMayRetry => Outcome is not (StkPaymentOutcome.Paid or StkPaymentOutcome.Pending);
}
