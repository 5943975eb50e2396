using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Closes the sessions a router lost by rebooting. RouterOS sends no Accounting-On (mikrotik.md §3.1), but the third
/// symbol of its Acct-Session-Ids counts boots, so a Start with a new boot symbol means every open session of that
/// NAS from another boot is gone (closed as NAS-Reboot). Accounting-On/Off, should a NAS send it, closes them all.
/// A NAS is a router id plus the NAS-IP-Address and NAS-Identifier it reports, so several routers behind one CIDR
/// entry are told apart.
/// </summary>
public sealed partial class NasRebootDetector(ISessionStore sessions, HotspotMetrics metrics, ILogger<NasRebootDetector> logger)
{
    private readonly ConcurrentDictionary<(string RouterId, IPAddress? NasIpAddress, string? NasIdentifier), char> _bootDigits = new();

    /// <summary>
    /// Called for every accounting Start, before it is recorded. Cheap when the boot symbol is the one last seen for
    /// this NAS; otherwise closes this NAS's open sessions of other boots whose last update is not after
    /// <paramref name="eventTime"/> (a delayed retransmit from before the reboot closes nothing newer).
    /// </summary>
    public async Task<int> OnStartAsync(
        string routerId,
        IPAddress? nasIpAddress,
        string? nasIdentifier,
        string acctSessionId,
        DateTimeOffset eventTime,
        CancellationToken cancellationToken)
    {
        if (AcctSessionIds.BootDigit(acctSessionId) is not { } boot)
        {
            return 0;
        }

        var nas = (routerId, nasIpAddress, nasIdentifier);
        if (_bootDigits.TryGetValue(nas, out var known) && known == boot)
        {
            return 0;
        }

        _bootDigits[nas] = boot;
        var closed = 0;
        foreach (var session in await sessions.ListOpenAsync(null, routerId, cancellationToken).ConfigureAwait(false))
        {
            if (IsSameNas(session, nasIpAddress, nasIdentifier)
                && AcctSessionIds.BootDigit(session.AcctSessionId) is { } sessionBoot
                && sessionBoot != boot
                && session.UpdatedAt <= eventTime
                && await sessions.CloseAsync(session.Id, TerminateCauses.NasReboot, cancellationToken).ConfigureAwait(false) is not null)
            {
                closed++;
                LogClosedByReboot(logger, session.Id, routerId, sessionBoot, boot);
            }
        }

        metrics.SessionsClosed("nas-reboot", closed);
        return closed;
    }

    /// <summary>Accounting-On/Off (RFC 2866 §5.1): the NAS starts or stops afresh, so all its open sessions are over.</summary>
    public async Task<int> OnAccountingOnOffAsync(
        string routerId,
        IPAddress? nasIpAddress,
        string? nasIdentifier,
        DateTimeOffset eventTime,
        CancellationToken cancellationToken)
    {
        _bootDigits.TryRemove((routerId, nasIpAddress, nasIdentifier), out _);
        var closed = 0;
        foreach (var session in await sessions.ListOpenAsync(null, routerId, cancellationToken).ConfigureAwait(false))
        {
            if (IsSameNas(session, nasIpAddress, nasIdentifier)
                && session.UpdatedAt <= eventTime
                && await sessions.CloseAsync(session.Id, TerminateCauses.NasReboot, cancellationToken).ConfigureAwait(false) is not null)
            {
                closed++;
            }
        }

        LogAccountingOnOff(logger, routerId, closed);
        metrics.SessionsClosed("accounting-on-off", closed);
        return closed;
    }

    private static bool IsSameNas(AccountingSession session, IPAddress? nasIpAddress, string? nasIdentifier) =>
        Equals(session.NasIpAddress, nasIpAddress) && string.Equals(session.NasIdentifier, nasIdentifier, StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} on router {RouterId} closed: the router rebooted (boot {OldBoot} → {NewBoot} in Acct-Session-Id)")]
    private static partial void LogClosedByReboot(ILogger logger, string sessionId, string routerId, char oldBoot, char newBoot);

    [LoggerMessage(Level = LogLevel.Information, Message = "Accounting-On/Off from router {RouterId}: closed {Count} open sessions")]
    private static partial void LogAccountingOnOff(ILogger logger, string routerId, int count);
}
