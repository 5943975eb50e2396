namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>How much an accounting record added to the session's counters (what the voucher is charged).</summary>
public readonly record struct UsageDelta(long Seconds, long Bytes)
{
    public bool IsZero => Seconds == 0 && Bytes == 0;
}
