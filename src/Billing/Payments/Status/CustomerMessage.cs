namespace WifiBilling.Billing.Payments.Status;

/// <summary>What the payment page tells the customer, in English and Swahili.</summary>
public sealed record CustomerMessage(string En, string Sw);
