using System.Text.Json.Serialization;

namespace WifiBilling.Billing.Payments.Daraja.Wire;

/// <summary>Body of <c>POST /mpesa/c2b/v2/registerurl</c> (daraja.md §5); ResponseType must be sentence case.</summary>
internal sealed record C2BRegisterWireRequest(
    [property: JsonPropertyName("ShortCode")] string ShortCode,
    [property: JsonPropertyName("ResponseType")] string ResponseType,
    [property: JsonPropertyName("ConfirmationURL")] string ConfirmationUrl,
    [property: JsonPropertyName("ValidationURL")] string? ValidationUrl);
