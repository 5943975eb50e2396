using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Billing.Payments;

/// <summary>Customers paying the PayBill/Till directly (section <c>Payments:C2B</c>).</summary>
public sealed class C2BOptions
{
    /// <summary>
    /// Register our confirmation (and validation) URLs with Daraja at start. Off by default: in production the
    /// registration is a one-time call ("Urls are already registered") usually done once by the operator.
    /// </summary>
    public bool RegisterUrlsOnStart { get; set; }

    /// <summary>Also register the validation URL (Safaricom must enable validation for the shortcode).</summary>
    public bool RegisterValidationUrl { get; set; }

    /// <summary>What M-Pesa does when our validation URL does not answer in ~8 s.</summary>
    public C2BDefaultAction ResponseType { get; set; } = C2BDefaultAction.Completed;

    /// <summary>
    /// Validation refuses (C2B00013 Invalid Amount) a payment too small to buy any plan, so the customer is not
    /// charged for nothing. Turn off when the shortcode also takes payments for other things.
    /// </summary>
    public bool RejectAmountsBelowCheapestPlan { get; set; } = true;
}
