using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Ends one session with a Disconnect-Request: claims it in the store first (with several instances, exactly one
/// sends it), sends it, and records ACK, NAK + Error-Cause or timeout on the session. A NAK Session-Context-Not-Found
/// (503) means the router has no such session any more, so the session is closed. A timeout is tried again later
/// with a doubling delay, up to <see cref="HotspotOptions.DisconnectMaxAttempts"/> attempts. After an ACK the
/// router's Stop (Admin-Reset) closes the session with its final counters.
/// </summary>
public sealed partial class SessionDisconnector : IDisposable
{
    private readonly ISessionStore _sessions;
    private readonly SessionCoaSender _sender;
    private readonly HotspotOptions _options;
    private readonly HotspotMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger<SessionDisconnector> _logger;
    private readonly DueQueue<string> _retries;
    private readonly ConcurrentDictionary<string, DisconnectReason> _retryReasons = new(StringComparer.Ordinal);

    public SessionDisconnector(
        ISessionStore sessions,
        SessionCoaSender sender,
        IOptions<HotspotOptions> options,
        HotspotMetrics metrics,
        TimeProvider time,
        ILogger<SessionDisconnector> logger)
    {
        _sessions = sessions;
        _sender = sender;
        _options = options.Value;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _retries = new DueQueue<string>(time);
        Owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
    }

    /// <summary>This instance's name on the disconnect claims it holds.</summary>
    public string Owner { get; }

    /// <summary>Sessions waiting for another attempt after a timeout.</summary>
    public int PendingRetries => _retries.Count;

    /// <summary>
    /// Whether an automatic trigger (expiry, data cap — re-checked on every interim) should start a Disconnect now:
    /// never tried; or claimed by an instance whose lease ran out; or timed out, not waiting for a retry here, and
    /// with attempts left. An answered one (ACK or NAK) is not sent again.
    /// </summary>
    public bool ShouldStart(AccountingSession session, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsOpen && session.DisconnectState switch
        {
            DisconnectState.None => true,
            DisconnectState.Requested => session.DisconnectLeaseUntil is null || session.DisconnectLeaseUntil <= now,
            DisconnectState.TimedOut => session.DisconnectAttempts < _options.DisconnectMaxAttempts && !_retries.TryGetDue(session.Id, out _),
            _ => false,
        };
    }

    /// <summary>
    /// Claims, sends and records one Disconnect. Returns the session as recorded, or null when it was not claimed
    /// (unknown, closed, already answered, or another instance holds it).
    /// </summary>
    public async Task<AccountingSession?> DisconnectAsync(string sessionId, DisconnectReason reason, CancellationToken cancellationToken)
    {
        var session = await _sessions.ClaimDisconnectAsync(sessionId, Owner, _options.DisconnectLease, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            LogNotClaimed(_logger, sessionId);
            return null;
        }

        CoaResult? result;
        try
        {
            result = await _sender.SendAsync(session, RadiusCode.DisconnectRequest, [], cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // E.g. a socket error: recorded as a timeout, so the claim is released and the retry below applies.
            LogSendFailed(_logger, ex, sessionId);
            result = new CoaResult(CoaOutcome.Timeout, null, null, 0);
        }

        var outcome = result switch
        {
            { Outcome: CoaOutcome.Ack } => DisconnectOutcome.Acked,
            { Outcome: CoaOutcome.Nak } => DisconnectOutcome.Nakked((uint?)result.ErrorCause),
            _ => DisconnectOutcome.TimedOut,
        };
        _metrics.CommandCompleted("disconnect", DisconnectReasons.Name(reason), result?.Outcome);
        var recorded = await _sessions.RecordDisconnectAsync(sessionId, Owner, outcome, cancellationToken).ConfigureAwait(false) ?? session;

        if (result is { Outcome: CoaOutcome.Nak, ErrorCause: ErrorCause.SessionContextNotFound })
        {
            // RFC 5176 §3.5: the NAS holds no such session, so it is over; no Stop will come for it.
            recorded = await _sessions.CloseAsync(sessionId, TerminateCauses.SessionContextNotFound, cancellationToken).ConfigureAwait(false) ?? recorded;
            _metrics.SessionsClosed("session-not-found", 1);
        }
        else if (result is { Outcome: CoaOutcome.Timeout } && recorded.DisconnectAttempts < _options.DisconnectMaxAttempts)
        {
            var wait = _options.DisconnectRetryDelay * Math.Pow(2, recorded.DisconnectAttempts - 1);
            _retryReasons[sessionId] = reason;
            _retries.Set(sessionId, _time.GetUtcNow() + wait);
            LogRetryPlanned(_logger, sessionId, recorded.DisconnectAttempts, wait);
        }
        else if (result is null or { Outcome: CoaOutcome.Timeout })
        {
            LogGaveUp(_logger, sessionId, recorded.DisconnectAttempts);
        }

        return recorded;
    }

    /// <summary>Runs the retries as they fall due; the session control worker runs this for the host's lifetime.</summary>
    public async Task RunRetriesAsync(Func<string, DisconnectReason, Task> disconnect, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(disconnect);
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var sessionId in await _retries.WaitForDueAsync(stoppingToken).ConfigureAwait(false))
            {
                if (_retryReasons.TryRemove(sessionId, out var reason))
                {
                    await disconnect(sessionId, reason).ConfigureAwait(false);
                }
            }
        }
    }

    public void Dispose() => _retries.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "Session {SessionId}: Disconnect not claimed (closed, already answered, or held by another instance)")]
    private static partial void LogNotClaimed(ILogger logger, string sessionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: sending the Disconnect-Request failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string sessionId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session {SessionId}: Disconnect attempt {Attempts} got no answer; trying again in {Wait}")]
    private static partial void LogRetryPlanned(ILogger logger, string sessionId, int attempts, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: Disconnect given up after {Attempts} attempts; the router's own Session-Timeout and the stale sweep remain")]
    private static partial void LogGaveUp(ILogger logger, string sessionId, int attempts);
}
