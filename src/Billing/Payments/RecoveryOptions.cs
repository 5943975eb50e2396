namespace WifiBilling.Billing.Payments;

/// <summary>
/// "I already paid" recovery by M-Pesa receipt (section <c>Payments:Recovery</c>). Attempts are limited per client IP
/// and per phone within <see cref="Window"/>, so receipts cannot be guessed.
/// </summary>
public sealed class RecoveryOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public int PerPhone { get; set; } = 5;

    public int PerIp { get; set; } = 20;
}
