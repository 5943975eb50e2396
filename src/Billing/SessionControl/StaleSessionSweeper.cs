using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Hotspot;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Closes sessions that have had no accounting for <see cref="HotspotOptions.StaleAfterIntervals"/> interim intervals:
/// RouterOS sends no Accounting-On/Off (mikrotik.md §3.1), so a lost Stop or a router that vanished would otherwise
/// leave a session open for ever (anchors b.4). Runs every <see cref="HotspotOptions.SweepInterval"/> and refreshes
/// the active-sessions gauge. The routers must honour our Acct-Interim-Interval (profile
/// <c>radius-interim-update=received</c>), or live sessions would look stale.
/// <para>
/// Nothing is closed during the first stale period after start: interims sent while this server was down (or
/// restarting) were lost, so a session's last update may be old although the router still has it; its next interim
/// arrives within one interval.
/// </para>
/// </summary>
public sealed partial class StaleSessionSweeper(
    ISessionStore sessions,
    IOptions<HotspotOptions> options,
    HotspotMetrics metrics,
    TimeProvider time,
    ILogger<StaleSessionSweeper> logger) : BackgroundService
{
    private const int BatchSize = 500;

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();

    /// <summary>Closes every stale open session now (none during the grace period after start); returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var stalePeriod = settings.InterimInterval * settings.StaleAfterIntervals;
        var now = time.GetUtcNow();
        var closed = now < _startedAt + stalePeriod
            ? 0
            : await CloseStaleAsync(now - stalePeriod, cancellationToken).ConfigureAwait(false);
        metrics.SessionsClosed("stale", closed);
        var open = await sessions.ListOpenAsync(null, null, cancellationToken).ConfigureAwait(false);
        metrics.SetActiveSessions(open.Count);
        return closed;
    }

    private async Task<int> CloseStaleAsync(DateTimeOffset updatedBefore, CancellationToken cancellationToken)
    {
        var closed = 0;
        while (true)
        {
            var batch = await sessions.CloseStaleAsync(updatedBefore, TerminateCauses.Stale, BatchSize, cancellationToken).ConfigureAwait(false);
            closed += batch.Count;
            foreach (var session in batch)
            {
                LogClosed(logger, session.Id, session.RouterId, session.UpdatedAt);
            }

            if (batch.Count < BatchSize)
            {
                return closed;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId} on router {RouterId} closed as stale (last accounting {UpdatedAt:O})")]
    private static partial void LogClosed(ILogger logger, string sessionId, string routerId, DateTimeOffset updatedAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Stale session sweep failed; trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
