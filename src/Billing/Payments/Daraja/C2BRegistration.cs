namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>Answer to C2B register URL; Daraja spells the id key <c>OriginatorCoversationID</c>.</summary>
public sealed record C2BRegistration(string? OriginatorConversationId, string ResponseCode, string ResponseDescription);
