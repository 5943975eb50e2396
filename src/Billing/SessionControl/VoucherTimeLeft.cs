using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Time a voucher has left while sessions are open. A validity voucher ends at its wall-clock end. An uptime
/// voucher's stored usage lags by up to one interim interval, so the connected time since each open session's last
/// accounting is counted too, and several devices spend it together.
/// </summary>
public static class VoucherTimeLeft
{
    public static TimeSpan At(Voucher voucher, IReadOnlyCollection<AccountingSession> openSessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(openSessions);
        var remaining = voucher.RemainingTime(now);
        if (voucher.Plan.Mode != PlanMode.Uptime)
        {
            return remaining;
        }

        foreach (var session in openSessions)
        {
            if (now > session.UpdatedAt)
            {
                remaining -= now - session.UpdatedAt;
            }
        }

        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>When the voucher runs out if nothing changes: its end, or for uptime the time left shared by the open sessions.</summary>
    public static DateTimeOffset EndAt(Voucher voucher, IReadOnlyCollection<AccountingSession> openSessions, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        ArgumentNullException.ThrowIfNull(openSessions);
        var left = At(voucher, openSessions, now);
        if (voucher.Plan.Mode == PlanMode.Uptime)
        {
            return now + (left / Math.Max(1, openSessions.Count));
        }

        return voucher.ExpiresAt ?? now + left;
    }
}
