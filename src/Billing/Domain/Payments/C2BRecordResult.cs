namespace WifiBilling.Billing.Domain.Payments;

/// <summary>The stored C2B payment and whether this call created it (false: a duplicate confirmation).</summary>
public sealed record C2BRecordResult(C2BPayment Payment, bool Created);
