namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>What to tell the customer, in English and Swahili.</summary>
public sealed record PaymentMessageResponse(string En, string Sw);
