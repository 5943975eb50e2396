using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// After a top-up, tells the router the session's new Session-Timeout with a CoA-Request (RouterOS may change
/// Session-Timeout by CoA, mikrotik.md §4.1). A NAK means the router keeps the old limit, so the session is
/// disconnected and the customer logs straight back in with the new time; a timeout leaves the old limit, which
/// only makes the router log the customer out early.
/// </summary>
public sealed partial class SessionTimeoutUpdater(
    ISessionStore sessions,
    IVoucherStore vouchers,
    SessionCoaSender sender,
    SessionDisconnector disconnector,
    HotspotMetrics metrics,
    TimeProvider time,
    ILogger<SessionTimeoutUpdater> logger)
{
    /// <summary>
    /// The Session-Timeout to send: the session's age plus the time the voucher has left. RouterOS counts a session's
    /// Session-Timeout from the login, as it does for the one in the Access-Accept [U: undocumented for CoA; an
    /// over-long value is harmless because the expiry scheduler disconnects at the real end].
    /// </summary>
    public static uint SessionTimeoutFor(AccountingSession session, TimeSpan left, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        var age = now > session.StartedAt ? now - session.StartedAt : TimeSpan.Zero;
        var seconds = Math.Floor((age + left).TotalSeconds);
        return (uint)Math.Clamp(seconds, 1, HotspotOptions.MaxSessionTimeoutSeconds);
    }

    /// <summary>Sends the CoA (or the Disconnect when the voucher has no time left). False when nothing was sent.</summary>
    public async Task<bool> UpdateAsync(string sessionId, CancellationToken cancellationToken)
    {
        var session = await sessions.FindAsync(sessionId, cancellationToken).ConfigureAwait(false);
        if (session is not { IsOpen: true, VoucherCode: { } code })
        {
            return false;
        }

        var voucher = await vouchers.FindAsync(code, cancellationToken).ConfigureAwait(false);
        if (voucher is null)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var open = await sessions.ListOpenAsync(code, null, cancellationToken).ConfigureAwait(false);
        var left = voucher.Status == VoucherStatus.Revoked ? TimeSpan.Zero : VoucherTimeLeft.At(voucher, open, now);
        if (left < TimeSpan.FromSeconds(1))
        {
            await disconnector.DisconnectAsync(sessionId, DisconnectReason.Expired, cancellationToken).ConfigureAwait(false);
            return true;
        }

        var timeout = SessionTimeoutFor(session, left, now);
        var result = await sender.SendAsync(
            session,
            RadiusCode.CoaRequest,
            [RadiusAttribute.FromUInt32(RadiusAttributeType.SessionTimeout, timeout)],
            cancellationToken).ConfigureAwait(false);
        metrics.CommandCompleted("coa", "top-up", result?.Outcome);
        if (result is { Outcome: CoaOutcome.Nak })
        {
            LogRefused(logger, sessionId, result.ErrorCause);
            await disconnector.DisconnectAsync(sessionId, DisconnectReason.TopUpRefused, cancellationToken).ConfigureAwait(false);
        }

        return result is not null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: the router refused the new Session-Timeout ({ErrorCause}); disconnecting so the customer logs in again with the new time")]
    private static partial void LogRefused(ILogger logger, string sessionId, ErrorCause? errorCause);
}
