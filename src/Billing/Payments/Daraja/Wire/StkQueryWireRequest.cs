using System.Text.Json.Serialization;

namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>Body of <c>POST /mpesa/stkpushquery/v1/query</c> (daraja.md §4): same Password formula, fresh timestamp.</summary>
internal sealed record StkQueryWireRequest(
    [property: JsonPropertyName("BusinessShortCode")] string BusinessShortCode,
    [property: JsonPropertyName("Password")] string Password,
    [property: JsonPropertyName("Timestamp")] string Timestamp,
    [property: JsonPropertyName("CheckoutRequestID")] string CheckoutRequestId);
