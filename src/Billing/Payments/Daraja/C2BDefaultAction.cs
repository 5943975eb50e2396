namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// C2B ResponseType: what M-Pesa does when our validation URL does not answer in time (~8 s). Daraja wants it in
/// exactly this sentence case (daraja.md §5).
/// </summary>
public enum C2BDefaultAction
{
    Completed,
    Cancelled,
}
