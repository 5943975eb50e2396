namespace WifiBilling.Simulators.Daraja;

/// <summary>An STK push body that passed Daraja's field validation.</summary>
internal sealed record ValidatedStkPush(
    string BusinessShortCode,
    string Password,
    string Timestamp,
    string TransactionType,
    long Amount,
    string PartyA,
    string PartyB,
    string PhoneNumber,
    string CallBackUrl,
    string AccountReference,
    string TransactionDesc);
