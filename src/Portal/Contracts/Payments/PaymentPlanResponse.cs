namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>The plan as it was sold with this payment.</summary>
public sealed record PaymentPlanResponse(string Id, string Name, long Price, long DurationMinutes);
