using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Knows when each voucher in use runs out and disconnects its open sessions then, so expiry never depends on the
/// router alone (anchors b.2: routers that ignore Session-Timeout, expiry left to cron jobs). It is rebuilt from the
/// store at start — active vouchers and open sessions, read once, never polled — and kept current by logins,
/// accounting, top-ups and revokes. All waiting is on <see cref="TimeProvider"/> timers (one for the earliest end).
/// <para>
/// A validity voucher ends at its wall-clock end. An uptime voucher's end moves while it is connected: it is
/// re-checked at its projected end (time left shared by its open sessions) and after accounting, and is left alone
/// while no session is open (its clock stops).
/// </para>
/// </summary>
public sealed partial class VoucherExpiryScheduler : BackgroundService
{
    /// <summary>Accounting counts whole seconds; an uptime voucher this close to its end is treated as ended.</summary>
    private static readonly TimeSpan UptimeTolerance = TimeSpan.FromSeconds(1);

    private readonly IVoucherStore _vouchers;
    private readonly ISessionStore _sessions;
    private readonly SessionCommandQueue _commands;
    private readonly SessionDisconnector _disconnector;
    private readonly TimeProvider _time;
    private readonly ILogger<VoucherExpiryScheduler> _logger;
    private readonly DueQueue<string> _due;
    private readonly TaskCompletionSource _rebuilt = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public VoucherExpiryScheduler(
        IVoucherStore vouchers,
        ISessionStore sessions,
        SessionCommandQueue commands,
        SessionDisconnector disconnector,
        HotspotMetrics metrics,
        TimeProvider time,
        ILogger<VoucherExpiryScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _vouchers = vouchers;
        _sessions = sessions;
        _commands = commands;
        _disconnector = disconnector;
        _time = time;
        _logger = logger;
        _due = new DueQueue<string>(time);
        metrics.ObserveScheduledVouchers(() => _due.Count);
    }

    /// <summary>Vouchers being watched.</summary>
    public int Count => _due.Count;

    /// <summary>Completes once the schedule has been rebuilt from the store after start.</summary>
    public Task Rebuilt => _rebuilt.Task;

    /// <summary>When <paramref name="voucherCode"/> is next checked; false when it is not watched.</summary>
    public bool TryGetCheckTime(string voucherCode, out DateTimeOffset at) => _due.TryGetDue(voucherCode, out at);

    /// <summary>
    /// Watches a voucher after a login, accounting or top-up. Validity: due at its end. Uptime: checked now, off the
    /// caller's path, against its open sessions. Revoked or expired: checked now (its sessions must go).
    /// </summary>
    public void Watch(Voucher voucher)
    {
        ArgumentNullException.ThrowIfNull(voucher);
        var code = voucher.Code.Value;
        switch (voucher.Status)
        {
            case VoucherStatus.Unused:
                return;
            case VoucherStatus.Active when voucher.Plan.Mode == PlanMode.Validity && voucher.ExpiresAt is { } end:
                _due.Set(code, end);
                return;
            default:
                _due.SetNoLaterThan(code, _time.GetUtcNow());
                return;
        }
    }

    /// <summary>Stops watching a voucher (e.g. revoked: its sessions are being disconnected already).</summary>
    public void Forget(string voucherCode) => _due.Remove(voucherCode);

    public override void Dispose()
    {
        _due.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RebuildAsync(stoppingToken).ConfigureAwait(false);
            _rebuilt.TrySetResult();
            while (!stoppingToken.IsCancellationRequested)
            {
                foreach (var code in await _due.WaitForDueAsync(stoppingToken).ConfigureAwait(false))
                {
                    await CheckAsync(code, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down; the next start rebuilds the schedule from the store.
        }
    }

    /// <summary>
    /// Reads the active vouchers and the open sessions once. Watched: every voucher with an open session (a validity
    /// voucher due at its end, an uptime one checked now), and any voucher in use that is no longer active (revoked or
    /// expired while this instance was down: checked now, so its sessions are disconnected).
    /// </summary>
    private async Task RebuildAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                var active = (await _vouchers.ListActiveAsync(cancellationToken).ConfigureAwait(false))
                    .ToDictionary(v => v.Code.Value, StringComparer.Ordinal);
                var inUse = (await _sessions.ListOpenAsync(null, null, cancellationToken).ConfigureAwait(false))
                    .Where(s => s.VoucherCode is not null)
                    .Select(s => s.VoucherCode!)
                    .ToHashSet(StringComparer.Ordinal);
                var now = _time.GetUtcNow();
                foreach (var code in inUse)
                {
                    if (active.TryGetValue(code, out var voucher))
                    {
                        Watch(voucher);
                    }
                    else
                    {
                        _due.SetNoLaterThan(code, now);
                    }
                }

                LogRebuilt(_logger, _due.Count, inUse.Count);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRebuildFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task CheckAsync(string code, CancellationToken cancellationToken)
    {
        try
        {
            var voucher = await _vouchers.FindAsync(code, cancellationToken).ConfigureAwait(false);
            if (voucher is null)
            {
                return;
            }

            var open = await _sessions.ListOpenAsync(code, null, cancellationToken).ConfigureAwait(false);
            var now = _time.GetUtcNow();
            var reason = EndReason(voucher, open, now);
            if (reason is null)
            {
                if (open.Count > 0 || voucher.Plan.Mode == PlanMode.Validity)
                {
                    _due.Set(code, VoucherTimeLeft.EndAt(voucher, open, now));
                }

                return;
            }

            if (reason == DisconnectReason.Expired)
            {
                await _vouchers.ExpireIfDueAsync(code, cancellationToken).ConfigureAwait(false);
            }

            // Every interim of an ended voucher brings it here again; only start what is not under way already.
            var toDisconnect = open.Where(s => _disconnector.ShouldStart(s, now)).ToList();
            if (toDisconnect.Count > 0)
            {
                LogEnded(_logger, voucher.Code.Masked, DisconnectReasons.Name(reason.Value), toDisconnect.Count);
            }

            foreach (var session in toDisconnect)
            {
                _commands.DisconnectSession(session.Id, reason.Value);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A store hiccup must not lose the voucher: look again shortly.
            LogCheckFailed(_logger, ex, VoucherCode.Mask(code));
            _due.SetNoLaterThan(code, _time.GetUtcNow() + TimeSpan.FromSeconds(30));
        }
    }

    private static DisconnectReason? EndReason(Voucher voucher, IReadOnlyList<AccountingSession> open, DateTimeOffset now)
    {
        if (voucher.Status == VoucherStatus.Revoked)
        {
            return DisconnectReason.Revoked;
        }

        if (voucher.RemainingBytes == 0)
        {
            return DisconnectReason.DataExhausted;
        }

        if (voucher.Status == VoucherStatus.Unused)
        {
            return null;
        }

        var left = VoucherTimeLeft.At(voucher, open, now);
        var ended = voucher.Plan.Mode == PlanMode.Uptime ? left <= UptimeTolerance : left == TimeSpan.Zero;
        return ended || voucher.Status == VoucherStatus.Expired ? DisconnectReason.Expired : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Expiry schedule rebuilt: watching {Count} vouchers ({InUse} with open sessions)")]
    private static partial void LogRebuilt(ILogger logger, int count, int inUse);

    [LoggerMessage(Level = LogLevel.Error, Message = "Rebuilding the expiry schedule failed; retrying")]
    private static partial void LogRebuildFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Voucher {Voucher} ended ({Reason}); disconnecting {Count} open sessions")]
    private static partial void LogEnded(ILogger logger, string voucher, string reason, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking voucher {Voucher} for expiry failed; checking again in 30 s")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string voucher);
}
