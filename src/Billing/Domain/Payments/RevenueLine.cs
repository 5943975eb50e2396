namespace WifiBilling.Billing.Domain.Payments;

/// <summary>Money received in one group: sum of paid amounts (whole KES) and number of payments.</summary>
public sealed record RevenueLine(string Key, long AmountKes, long Count);
