namespace WifiBilling.Billing.Domain.Payments;

public enum RevenueGrouping
{
    /// <summary>Calendar day in Kenya time (UTC+3, no daylight saving), key <c>yyyy-MM-dd</c>.</summary>
    Day = 0,

    /// <summary>Router id; empty key for payments without a router (C2B).</summary>
    Router = 1,

    /// <summary>Plan id; empty key for a C2B payment not yet recovered into a voucher.</summary>
    Plan = 2,
}
