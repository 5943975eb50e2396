namespace WifiBilling.Billing.Domain.Payments;

/// <summary>The payment after an outcome was recorded, and what the outcome did to it.</summary>
public sealed record OutcomeResult(Payment? Payment, OutcomeDisposition Disposition);
