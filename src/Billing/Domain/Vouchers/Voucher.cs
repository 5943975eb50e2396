using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// A voucher: the code a customer logs in with, the plan terms it was sold with, and how much of it is used.
/// The rules (activation, remaining time and bytes, device admission, top-up, expiry) live here; stores call
/// these methods inside one atomic conditional write.
/// </summary>
public sealed class Voucher
{
    private readonly List<MacAddress> _boundMacs;

    private Voucher(VoucherCode code, PlanSnapshot plan, VoucherSource source, DateTimeOffset createdAt)
    {
        Code = code;
        Plan = plan;
        Source = source;
        CreatedAt = createdAt;
        _boundMacs = [];
    }

    public VoucherCode Code { get; }

    public PlanSnapshot Plan { get; }

    public VoucherSource Source { get; }

    public VoucherStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? ActivatedAt { get; private set; }

    /// <summary>Validity mode only: the wall-clock end. Uptime vouchers end when their connected time is used up.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Time added by top-ups, on top of the plan's duration.</summary>
    public TimeSpan ExtraTime { get; private set; }

    /// <summary>Connected seconds reported by accounting, over all sessions and devices.</summary>
    public long UsedSeconds { get; private set; }

    /// <summary>Upload + download bytes reported by accounting (64-bit, gigawords merged).</summary>
    public long UsedBytes { get; private set; }

    public IReadOnlyList<MacAddress> BoundMacs => _boundMacs;

    public string? BatchId { get; private set; }

    /// <summary>The payment this voucher was minted from (unique: a payment mints at most one voucher).</summary>
    public string? PaymentId { get; private set; }

    public PhoneNumber? Phone { get; private set; }

    public string? Note { get; private set; }

    internal long Version { get; private set; }

    /// <summary>
    /// A new unused voucher. <paramref name="initialMac"/> (or else <see cref="VoucherIssue.Device"/>) pre-binds the
    /// device that paid, so it can reconnect by MAC without typing the code.
    /// </summary>
    public static Voucher Create(
        VoucherCode code,
        VoucherIssue issue,
        DateTimeOffset now,
        string? paymentId = null,
        MacAddress? initialMac = null)
    {
        issue.Validate();
        var voucher = new Voucher(code, issue.Plan, issue.Source, now)
        {
            Status = VoucherStatus.Unused,
            BatchId = issue.BatchId,
            PaymentId = paymentId,
            Phone = issue.Phone,
            Note = issue.Note,
            Version = 1,
        };
        if ((initialMac ?? issue.Device) is { } device)
        {
            voucher._boundMacs.Add(device);
        }

        return voucher;
    }

    /// <summary>Total time this voucher grants: the plan's duration plus top-ups.</summary>
    public TimeSpan TotalTime => Plan.Duration + ExtraTime;

    /// <summary>Time left at <paramref name="now"/>; never negative.</summary>
    public TimeSpan RemainingTime(DateTimeOffset now)
    {
        var remaining = Status switch
        {
            VoucherStatus.Revoked or VoucherStatus.Expired => TimeSpan.Zero,
            _ when Plan.Mode == PlanMode.Uptime => TotalTime - TimeSpan.FromSeconds(UsedSeconds),
            VoucherStatus.Unused => TotalTime,
            _ => (ExpiresAt ?? now) - now,
        };
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>Bytes left under the plan's data cap; null when the plan has no cap. Never negative.</summary>
    public long? RemainingBytes => Plan.DataCapBytes is { } cap ? Math.Max(0, cap - UsedBytes) : null;

    /// <summary>The status a reader should show: an active voucher whose time ran out reads as expired.</summary>
    public VoucherStatus StatusAt(DateTimeOffset now) => IsDue(now) ? VoucherStatus.Expired : Status;

    /// <summary>True when the voucher is active but its time is over, so <see cref="Expire"/> would change it.</summary>
    public bool IsDue(DateTimeOffset now) => Status == VoucherStatus.Active && RemainingTime(now) == TimeSpan.Zero;

    /// <summary>
    /// Decides a login and applies it: on the first accepted login the voucher is activated (validity: expires =
    /// now + duration + top-ups); a new device is bound while fewer than the plan's device limit are bound, and a
    /// device already bound is always admitted. Nothing changes when the login is refused. A null
    /// <paramref name="mac"/> (a NAS that sends no Calling-Station-Id) is admitted without binding a device.
    /// </summary>
    public LoginAdmission Admit(MacAddress? mac, string? routerId, DateTimeOffset now)
    {
        if (Status == VoucherStatus.Revoked)
        {
            return LoginAdmission.Refuse(this, LoginRefusal.Revoked);
        }

        if (Status == VoucherStatus.Expired || RemainingTime(now) == TimeSpan.Zero)
        {
            return LoginAdmission.Refuse(this, LoginRefusal.Expired);
        }

        if (RemainingBytes == 0)
        {
            return LoginAdmission.Refuse(this, LoginRefusal.DataExhausted);
        }

        var bindsNewDevice = mac is not null && !_boundMacs.Contains(mac);
        if (bindsNewDevice && _boundMacs.Count >= Plan.DeviceLimit)
        {
            return LoginAdmission.Refuse(this, LoginRefusal.DeviceLimitReached);
        }

        if (!Plan.AllowsRouter(routerId))
        {
            return LoginAdmission.Refuse(this, LoginRefusal.RouterNotAllowed);
        }

        var activates = Status == VoucherStatus.Unused;
        if (!activates && !bindsNewDevice)
        {
            return LoginAdmission.Admit(this, changed: false);
        }

        if (bindsNewDevice)
        {
            _boundMacs.Add(mac!);
        }

        if (activates)
        {
            Status = VoucherStatus.Active;
            ActivatedAt = now;
            ExpiresAt = Plan.Mode == PlanMode.Validity ? now + TotalTime : null;
        }

        Version++;
        return LoginAdmission.Admit(this, changed: true);
    }

    /// <summary>Revokes the voucher for good. Returns false when it was already revoked.</summary>
    public bool Revoke(DateTimeOffset now)
    {
        if (Status == VoucherStatus.Revoked)
        {
            return false;
        }

        Status = VoucherStatus.Revoked;
        RevokedAt = now;
        Version++;
        return true;
    }

    /// <summary>
    /// Tops the voucher up. An unused or uptime voucher gains the time on top of what it has. An active validity
    /// voucher's end moves later by <paramref name="extension"/>. A validity voucher whose time is already over is
    /// extended from <paramref name="now"/> (the customer pays for time they can use, not for time that passed) and
    /// becomes active again. A revoked voucher cannot be extended.
    /// </summary>
    public void Extend(TimeSpan extension, DateTimeOffset now)
    {
        if (extension < TimeSpan.FromMinutes(1) || extension > PlanDefinition.MaxDuration || extension.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            throw new BillingValidationException("extension", "must be whole seconds from 1 minute to 366 days");
        }

        if (Status == VoucherStatus.Revoked)
        {
            throw new BillingConflictException($"Voucher {Code.Masked} is revoked and cannot be extended.");
        }

        var timeWasOver = Status != VoucherStatus.Unused && RemainingTime(now) == TimeSpan.Zero;
        if (Plan.Mode == PlanMode.Validity && Status != VoucherStatus.Unused)
        {
            ExpiresAt = timeWasOver ? now + extension : ExpiresAt + extension;
            ExtraTime += extension;
        }
        else
        {
            // Uptime: accounting can report a little more than granted (the interim lag); forgive that overrun so
            // an exhausted voucher gets exactly the extension, like a validity voucher extended from now.
            var overrun = timeWasOver ? TimeSpan.FromSeconds(UsedSeconds) - TotalTime : TimeSpan.Zero;
            ExtraTime += extension + (overrun > TimeSpan.Zero ? overrun : TimeSpan.Zero);
        }

        if (Status == VoucherStatus.Expired)
        {
            Status = VoucherStatus.Active;
        }

        Version++;
    }

    /// <summary>Adds accounting usage (deltas, never negative). The status is left to <see cref="Expire"/>.</summary>
    public void ConsumeUsage(long seconds, long bytes)
    {
        if (seconds < 0 || bytes < 0)
        {
            throw new BillingValidationException(seconds < 0 ? "seconds" : "bytes", "must not be negative");
        }

        if (seconds == 0 && bytes == 0)
        {
            return;
        }

        UsedSeconds = SaturatingAdd(UsedSeconds, seconds);
        UsedBytes = SaturatingAdd(UsedBytes, bytes);
        Version++;
    }

    /// <summary>Marks an active voucher whose time is over as expired. Returns false when it was not due.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (!IsDue(now))
        {
            return false;
        }

        Status = VoucherStatus.Expired;
        Version++;
        return true;
    }

    internal static Voucher Rehydrate(
        VoucherCode code,
        PlanSnapshot plan,
        VoucherSource source,
        VoucherStatus status,
        DateTimeOffset createdAt,
        DateTimeOffset? activatedAt,
        DateTimeOffset? expiresAt,
        DateTimeOffset? revokedAt,
        TimeSpan extraTime,
        long usedSeconds,
        long usedBytes,
        IEnumerable<MacAddress> boundMacs,
        string? batchId,
        string? paymentId,
        PhoneNumber? phone,
        string? note,
        long version)
    {
        var voucher = new Voucher(code, plan, source, createdAt)
        {
            Status = status,
            ActivatedAt = activatedAt,
            ExpiresAt = expiresAt,
            RevokedAt = revokedAt,
            ExtraTime = extraTime,
            UsedSeconds = usedSeconds,
            UsedBytes = usedBytes,
            BatchId = batchId,
            PaymentId = paymentId,
            Phone = phone,
            Note = note,
            Version = version,
        };
        voucher._boundMacs.AddRange(boundMacs);
        return voucher;
    }

    private static long SaturatingAdd(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;
}
