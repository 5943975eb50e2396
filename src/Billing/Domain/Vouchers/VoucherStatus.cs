namespace WifiBilling.Billing.Domain.Vouchers;

public enum VoucherStatus
{
    /// <summary>Sold or printed, never used to log in.</summary>
    Unused = 0,

    /// <summary>Activated by its first accepted login.</summary>
    Active = 1,

    /// <summary>Its time is over (validity passed or uptime used up).</summary>
    Expired = 2,

    /// <summary>Cancelled by an operator; never accepted again.</summary>
    Revoked = 3,
}
