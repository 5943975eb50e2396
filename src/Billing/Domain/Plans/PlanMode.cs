namespace WifiBilling.Billing.Domain.Plans;

/// <summary>How a plan's duration is spent.</summary>
public enum PlanMode
{
    /// <summary>Wall-clock time from the first login: a 1-hour voucher ends one hour after it was first used.</summary>
    Validity = 0,

    /// <summary>Only connected time counts (from accounting Acct-Session-Time).</summary>
    Uptime = 1,
}
