namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// What the payment code asks for. The client normalises the phone (0712…, +254712… → 254712…), sanitises and
/// truncates <paramref name="AccountReference"/> (≤ 12) and <paramref name="TransactionDescription"/> (≤ 13), and checks
/// <paramref name="CallbackUrl"/> against Daraja's URL rules before sending anything.
/// </summary>
/// <param name="PhoneNumber">The customer's M-Pesa number (PartyA and PhoneNumber).</param>
/// <param name="Amount">Whole Kenyan shillings, 1 to 250,000.</param>
/// <param name="AccountReference">Shown to the customer in the prompt, e.g. the plan or payment reference.</param>
/// <param name="TransactionDescription">Free text; "Payment" when empty.</param>
/// <param name="CallbackUrl">Where Daraja posts the result of this push (carries the secret key).</param>
public sealed record StkPushRequest(
    string PhoneNumber,
    long Amount,
    string AccountReference,
    string TransactionDescription,
    Uri CallbackUrl);
