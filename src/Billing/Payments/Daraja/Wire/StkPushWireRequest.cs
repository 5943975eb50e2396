using System.Text.Json.Serialization;

namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>
/// Body of <c>POST /mpesa/stkpush/v1/processrequest</c>. Names are Daraja's exact PascalCase (a camelCase name gives
/// "Invalid BusinessShortCode"; daraja.md §7, jumaallan PR #81), so they are pinned with attributes.
/// </summary>
internal sealed record StkPushWireRequest(
    [property: JsonPropertyName("BusinessShortCode")] string BusinessShortCode,
    [property: JsonPropertyName("Password")] string Password,
    [property: JsonPropertyName("Timestamp")] string Timestamp,
    [property: JsonPropertyName("TransactionType")] string TransactionType,
    [property: JsonPropertyName("Amount")] long Amount,
    [property: JsonPropertyName("PartyA")] string PartyA,
    [property: JsonPropertyName("PartyB")] string PartyB,
    [property: JsonPropertyName("PhoneNumber")] string PhoneNumber,
    [property: JsonPropertyName("CallBackURL")] string CallBackUrl,
    [property: JsonPropertyName("AccountReference")] string AccountReference,
    [property: JsonPropertyName("TransactionDesc")] string TransactionDesc);
