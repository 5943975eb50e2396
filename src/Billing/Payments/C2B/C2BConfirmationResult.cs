namespace WifiBilling.Billing.Payments.C2B;

/// <summary>Whether a C2B confirmation is now durably recorded; <see cref="Error"/> says why not.</summary>
public sealed record C2BConfirmationResult(bool Recorded, string? Error = null);
