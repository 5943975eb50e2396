namespace WifiBilling.Portal.Contracts.Payments;

/// <summary>The voucher a paid payment bought: its code logs the device in. <c>expiresAt</c> is set once it is first used.</summary>
public sealed record PaymentVoucherResponse(string Code, long DurationMinutes, DateTimeOffset? ExpiresAt);
