using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// A MikroTik hotspot (RouterOS 7.15+) as a RADIUS client, built from shared/reference/mikrotik.md §1–§4 and §7, for
/// tests and the <c>hotspot</c> command:
/// <list type="bullet">
/// <item>Access-Request with RouterOS' attribute set and order for CHAP (CHAP-Password = id + MD5(id + password +
/// challenge), 16-byte CHAP-Challenge), PAP and MAC logins; Message-Authenticator last; Acct-Session-Id = service
/// "80", a boot symbol, a session counter; NAS-Port = that id read as hex.</item>
/// <item>Retransmission of the same packet every <see cref="HotspotSimulatorOptions.RadiusTimeout"/> from a new source
/// port per request; replies without a valid Message-Authenticator dropped when required.</item>
/// <item>Accounting Start, interims at the granted interval (profile <c>received</c>) and Stop with RouterOS' terminate
/// causes, Event-Timestamp and gigawords, in order per session.</item>
/// <item>Session-Timeout, Idle-Timeout and Mikrotik-Total-Limit enforced on the router's own clock
/// (<see cref="HotspotSimulatorOptions.Clock"/>); <see cref="Reboot"/> drops every session without a Stop and bumps
/// the boot symbol (no Accounting-On, as on a real router).</item>
/// <item>A CoA/Disconnect listener that checks the secret and authenticator, matches the session by Acct-Session-Id,
/// Framed-IP-Address and User-Name, answers ACK (then sends Stop Admin-Reset after a Disconnect, or applies
/// Session-Timeout / Idle-Timeout / Mikrotik-Rate-Limit from a CoA) or NAK with Error-Cause 503 for an unknown session.</item>
/// </list>
/// </summary>
public sealed class HotspotSimulator : IAsyncDisposable
{

    private readonly HotspotSimulatorOptions _options;
    private readonly TimeProvider _clock;
    private readonly RadiusExchange _exchange;
    private readonly RouterOsPackets _packets;
    private readonly CoaListener? _coa;
    private readonly ConcurrentDictionary<string, ActiveSession> _sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IPAddress> _addresses = new(StringComparer.Ordinal);
    private readonly List<HotspotEvent> _events = [];
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentBag<Task> _pumps = [];
    private TaskCompletionSource _eventAdded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _identifier = Random.Shared.Next(256);
    private int _sessionCounter;
    private int _boot;
    private int _nextHost;
    private int _accountingInFlight;

    private HotspotSimulator(HotspotSimulatorOptions options)
    {
        if (options.BootCounter is < 0 or > 15)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BootCounter, "BootCounter is one hex symbol, 0 to 15.");
        }

        _options = options;
        _clock = options.Clock;
        _boot = options.BootCounter;
        _exchange = new RadiusExchange(options, Counters);
        _packets = new RouterOsPackets(options, _exchange.Secret);
        if (options.CoaPort is { } coaPort)
        {
            _coa = new CoaListener(options.LocalAddress, coaPort, _exchange.Secret, Counters, HandleCoa);
        }
    }

    public HotspotSimulatorOptions Options => _options;

    public HotspotCounters Counters { get; } = new();

    /// <summary>Where the router listens for Disconnect/CoA; null with <c>/radius incoming accept=no</c>.</summary>
    public IPEndPoint? CoaEndPoint => _coa?.LocalEndPoint;

    /// <summary>The boot symbol in new Acct-Session-Ids.</summary>
    public int BootCounter => Volatile.Read(ref _boot);

    public IReadOnlyList<HotspotSession> ActiveSessions => _sessions.Values.Select(s => s.Session).Where(s => s.IsActive).ToList();

    public IReadOnlyList<HotspotEvent> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Starts the router: binds the CoA listener (when configured). RADIUS requests use a socket each.</summary>
    public static HotspotSimulator Start(HotspotSimulatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new HotspotSimulator(options);
    }

    /// <summary>
    /// Logs a client in: Access-Request (retransmitted until answered or given up), and for an Accept the session
    /// with its limits, timers and accounting Start (awaited, like the router sends it right after the login).
    /// </summary>
    public async Task<HotspotLoginResult> LoginAsync(HotspotLogin login, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(login);
        var mac = MacAddresses.Normalize(login.Mac);
        var acctSessionId = NextAcctSessionId();
        var framedIp = login.ClientAddress ?? AddressFor(mac);
        var userName = login.Method == HotspotLoginMethod.Mac ? MacAddresses.Format(login.UserName, _options.MacFormat) : login.UserName;
        var request = _packets.AccessRequest(NextIdentifier(), login, userName, mac, acctSessionId, framedIp);

        var reply = await _exchange.SendAsync(request, _options.AuthServer, cancellationToken).ConfigureAwait(false);
        if (reply is null)
        {
            AddEvent(new HotspotEvent(HotspotEventKind.LoginTimedOut, _clock.GetUtcNow()) { AcctSessionId = acctSessionId });
            return new HotspotLoginResult(null, null);
        }

        if (reply.Code != RadiusCode.AccessAccept)
        {
            AddEvent(new HotspotEvent(HotspotEventKind.LoginRejected, _clock.GetUtcNow()) { AcctSessionId = acctSessionId, Packet = reply });
            return new HotspotLoginResult(reply, null);
        }

        var session = new HotspotSession(acctSessionId, userName, mac, framedIp, _clock.GetUtcNow(), [.. reply.GetAll(RadiusAttributeType.Class)]);
        ApplyLimits(session, reply, fromCoa: false);
        var active = new ActiveSession(session);
        _sessions[acctSessionId] = active;
        _pumps.Add(Task.Run(() => PumpAsync(active, _stopping.Token), CancellationToken.None));
        AddEvent(new HotspotEvent(HotspotEventKind.LoginAccepted, session.StartedAt) { AcctSessionId = acctSessionId, Packet = reply });

        var started = Enqueue(active, AcctStatusType.Start, HotspotEventKind.SessionStarted, null);
        ArmTimers(active);
        try
        {
            await started.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The login was accepted, so the session exists on the router whether or not the caller still waits for
            // the Start to be acknowledged; hand it back so the caller can log it out.
        }

        return new HotspotLoginResult(reply, session);
    }

    /// <summary>Counts traffic of a client (bytes it sent and received); ends the session when its byte limit is reached.</summary>
    public void AddTraffic(HotspotSession session, long uploadBytes, long downloadBytes)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegative(uploadBytes);
        ArgumentOutOfRangeException.ThrowIfNegative(downloadBytes);
        if (!session.IsActive || !_sessions.TryGetValue(session.AcctSessionId, out var active))
        {
            return;
        }

        session.Count(uploadBytes, downloadBytes, _clock.GetUtcNow());
        if (_options.EnforceDataLimit && session.TotalLimit is { } limit && session.InputOctets + session.OutputOctets >= limit)
        {
            // RouterOS' cause for limit-bytes-total is not documented [U]; NAS-Request is the closest RFC 2866 value.
            End(active, AcctTerminateCause.NasRequest);
        }
    }

    /// <summary>Sends an Interim-Update now (as the interim timer would) and waits for the answer.</summary>
    public Task<bool> SendInterimAsync(HotspotSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.IsActive && _sessions.TryGetValue(session.AcctSessionId, out var active)
            ? Enqueue(active, AcctStatusType.InterimUpdate, HotspotEventKind.InterimSent, null)
            : Task.FromResult(false);
    }

    /// <summary>The customer opens the logout page: Stop with User-Request; completes when the Stop was answered or given up.</summary>
    public Task<AcctTerminateCause> LogoutAsync(HotspotSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (_sessions.TryGetValue(session.AcctSessionId, out var active))
        {
            End(active, AcctTerminateCause.UserRequest);
        }

        return session.Ended;
    }

    /// <summary>
    /// A power cut: every session is gone without a Stop, and the next Acct-Session-Ids carry the next boot symbol
    /// (RouterOS sends no Accounting-On, mikrotik.md §3.1).
    /// </summary>
    public void Reboot()
    {
        var now = _clock.GetUtcNow();
        foreach (var active in _sessions.Values)
        {
            if (active.Session.TryEnd(AcctTerminateCause.NasReboot, now))
            {
                active.DisposeTimers();
                active.Outbox.Writer.TryComplete();
            }
        }

        _sessions.Clear();
        lock (_lock)
        {
            _boot = (_boot + 1) & 0xF;
            _sessionCounter = 0;
        }
    }

    /// <summary>
    /// Waits (real time) until every accounting request queued so far has been answered or given up. Tests that move
    /// a fake clock in steps call it after each step, so interims land before the server looks at the sessions.
    /// </summary>
    public async Task WaitForAccountingAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (Volatile.Read(ref _accountingInFlight) > 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{Volatile.Read(ref _accountingInFlight)} accounting requests are still in flight.");
            }

            await Task.Delay(5).ConfigureAwait(false);
        }
    }

    /// <summary>Waits (real time) for an event matching <paramref name="predicate"/>, including ones already seen.</summary>
    public async Task<HotspotEvent> WaitForEventAsync(Func<HotspotEvent, bool> predicate, TimeSpan? timeout = null, string? what = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var seen = 0;
        while (true)
        {
            Task signal;
            lock (_lock)
            {
                for (; seen < _events.Count; seen++)
                {
                    if (predicate(_events[seen]))
                    {
                        return _events[seen];
                    }
                }

                signal = _eventAdded.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The hotspot simulator saw no {what ?? "matching event"}. Events: {string.Join(", ", Events.Select(e => $"{e.Kind} {e.AcctSessionId}"))}");
            }

            await Task.WhenAny(signal, Task.Delay(left)).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_coa is not null)
        {
            await _coa.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var active in _sessions.Values)
        {
            active.DisposeTimers();
            active.Outbox.Writer.TryComplete();
        }

        await Task.WhenAll(_pumps).ConfigureAwait(false);
        _stopping.Dispose();
    }

    private void ApplyLimits(HotspotSession session, RadiusPacket reply, bool fromCoa)
    {
        if (reply.GetUInt32(RadiusAttributeType.SessionTimeout) is { } sessionTimeout and > 0)
        {
            session.SessionTimeout = sessionTimeout;
        }

        if (reply.GetUInt32(RadiusAttributeType.IdleTimeout) is { } idleTimeout and > 0)
        {
            session.IdleTimeout = idleTimeout;
        }

        if (reply.GetString(Mikrotik.VendorId, MikrotikAttributeType.RateLimit) is { } rateLimit)
        {
            session.RateLimit = rateLimit;
        }

        if (fromCoa)
        {
            // Acct-Interim-Interval and the byte limits cannot be changed by CoA (mikrotik.md §4.1).
            return;
        }

        var low = reply.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit);
        var high = reply.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimitGigawords);
        if (low is not null || high is not null)
        {
            session.TotalLimit = ((long)(high ?? 0) << 32) | (low ?? 0);
        }

        var interim = reply.GetUInt32(RadiusAttributeType.AcctInterimInterval);
        session.InterimInterval = _options.InterimUpdate ?? (interim is > 0 ? TimeSpan.FromSeconds(interim.Value) : null);
    }

    private void ArmTimers(ActiveSession active)
    {
        ArmSessionTimeout(active);
        ArmIdleTimeout(active);
        if (active.Session.InterimInterval is { } interval)
        {
            active.Interim = _clock.CreateTimer(
                _ => Enqueue(active, AcctStatusType.InterimUpdate, HotspotEventKind.InterimSent, null),
                null,
                interval,
                interval);
        }
    }

    private void ArmSessionTimeout(ActiveSession active)
    {
        active.Timeout?.Dispose();
        var session = active.Session;
        if (!_options.EnforceSessionTimeout || session.SessionTimeout is not { } limit)
        {
            return;
        }

        var due = session.StartedAt + TimeSpan.FromSeconds(limit) - _clock.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            End(active, AcctTerminateCause.SessionTimeout);
            return;
        }

        active.Timeout = _clock.CreateTimer(_ => End(active, AcctTerminateCause.SessionTimeout), null, due, Timeout.InfiniteTimeSpan);
    }

    private void ArmIdleTimeout(ActiveSession active)
    {
        active.Idle?.Dispose();
        var session = active.Session;
        if (!_options.EnforceIdleTimeout || session.IdleTimeout is not { } idle || !session.IsActive)
        {
            return;
        }

        var due = session.LastActivity + TimeSpan.FromSeconds(idle) - _clock.GetUtcNow();
        if (due <= TimeSpan.Zero)
        {
            End(active, AcctTerminateCause.IdleTimeout);
            return;
        }

        // When it fires, traffic since then moves the deadline: check again from the last activity.
        active.Idle = _clock.CreateTimer(_ => ArmIdleTimeout(active), null, due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Ends the session at once (state first, so later timers and requests see it) and queues its Stop.</summary>
    private void End(ActiveSession active, AcctTerminateCause cause)
    {
        var session = active.Session;
        if (!session.TryEnd(cause, _clock.GetUtcNow()))
        {
            return;
        }

        active.DisposeTimers();
        _ = Enqueue(active, AcctStatusType.Stop, HotspotEventKind.SessionEnded, cause);
        active.Outbox.Writer.TryComplete();
        _sessions.TryRemove(session.AcctSessionId, out _);
    }

    /// <summary>Builds the record now (its counters and Event-Timestamp) and queues it behind the session's earlier ones.</summary>
    private Task<bool> Enqueue(ActiveSession active, AcctStatusType status, HotspotEventKind kind, AcctTerminateCause? cause)
    {
        var session = active.Session;
        if (status != AcctStatusType.Stop && !session.IsActive)
        {
            return Task.FromResult(false);
        }

        var now = _clock.GetUtcNow();
        var snapshot = new RouterOsAccounting(
            session.UserName, session.Mac, session.AcctSessionId, session.FramedIpAddress, session.Classes,
            session.InputOctets, session.OutputOctets, session.InputPackets, session.OutputPackets, session.SessionTime(now));
        var outgoing = new OutgoingAccounting(_packets.Accounting(NextIdentifier(), snapshot, status, cause, now), kind, cause);
        Interlocked.Increment(ref _accountingInFlight);
        if (active.Outbox.Writer.TryWrite(outgoing))
        {
            return outgoing.Acknowledged.Task;
        }

        Interlocked.Decrement(ref _accountingInFlight);
        return Task.FromResult(false);
    }

    private async Task PumpAsync(ActiveSession active, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var outgoing in active.Outbox.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    var reply = await _exchange.SendAsync(outgoing.Packet, _options.AcctServer, stoppingToken).ConfigureAwait(false);
                    outgoing.Acknowledged.TrySetResult(reply is not null);
                    AddEvent(new HotspotEvent(outgoing.Kind, _clock.GetUtcNow())
                    {
                        AcctSessionId = active.Session.AcctSessionId,
                        TerminateCause = outgoing.Cause,
                        Acknowledged = reply is not null,
                    });
                }
                finally
                {
                    Interlocked.Decrement(ref _accountingInFlight);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Simulator disposed.
        }
        finally
        {
            if (!active.Session.IsActive)
            {
                active.Session.CompleteEnded();
            }
        }
    }

    private (RadiusCode Answer, ErrorCause? Cause) HandleCoa(RadiusPacket request)
    {
        var disconnect = request.Code == RadiusCode.DisconnectRequest;
        var (ack, nak) = disconnect ? (RadiusCode.DisconnectAck, RadiusCode.DisconnectNak) : (RadiusCode.CoaAck, RadiusCode.CoaNak);
        var (answer, cause, matched) = Decide(request, ack, nak);
        foreach (var active in matched)
        {
            if (disconnect)
            {
                End(active, AcctTerminateCause.AdminReset);
            }
            else
            {
                ApplyLimits(active.Session, request, fromCoa: true);
                ArmSessionTimeout(active);
                ArmIdleTimeout(active);
            }
        }

        AddEvent(new HotspotEvent(disconnect ? HotspotEventKind.DisconnectReceived : HotspotEventKind.CoaReceived, _clock.GetUtcNow())
        {
            AcctSessionId = matched.Count > 0 ? matched[0].Session.AcctSessionId : request.GetString(RadiusAttributeType.AcctSessionId),
            Packet = request,
            Answer = answer,
            ErrorCause = cause,
        });
        return (answer, cause);
    }

    private (RadiusCode Answer, ErrorCause? Cause, List<ActiveSession> Matched) Decide(RadiusPacket request, RadiusCode ack, RadiusCode nak)
    {
        // A NAS-IP-Address or NAS-Identifier that is not ours: NAK'd (gobill field notes, mikrotik.md §4.2).
        if ((request.GetIPAddress(RadiusAttributeType.NasIpAddress) is { } nasIp && !nasIp.Equals(_options.EffectiveNasIpAddress))
            || (request.GetString(RadiusAttributeType.NasIdentifier) is { } nasIdentifier && nasIdentifier != _options.Identity))
        {
            return (nak, ErrorCause.NasIdentificationMismatch, []);
        }

        var acctSessionId = request.GetString(RadiusAttributeType.AcctSessionId);
        var framedIp = request.GetIPAddress(RadiusAttributeType.FramedIpAddress);
        var userName = request.GetString(RadiusAttributeType.UserName);
        if (acctSessionId is null && framedIp is null && userName is null)
        {
            return (nak, ErrorCause.MissingAttribute, []);
        }

        var matched = _sessions.Values
            .Where(s => s.Session.IsActive
                && (acctSessionId is null || s.Session.AcctSessionId == acctSessionId)
                && (framedIp is null || s.Session.FramedIpAddress.Equals(framedIp))
                && (userName is null || s.Session.UserName == userName))
            .ToList();
        return matched.Count == 0 ? (nak, ErrorCause.SessionContextNotFound, matched) : (ack, null, matched);
    }

    private string NextAcctSessionId()
    {
        lock (_lock)
        {
            _sessionCounter = (_sessionCounter + 1) & 0xFFFFF;
            return RouterOsPackets.AcctSessionId(_boot, _sessionCounter);
        }
    }

    private byte NextIdentifier() => (byte)Interlocked.Increment(ref _identifier);

    /// <summary>Like the hotspot's DHCP pool: the next address after the hotspot's own, the same one again for the same MAC.</summary>
    private IPAddress AddressFor(string mac) =>
        _addresses.GetOrAdd(mac, _ => Ipv4Addresses.Add(_options.HotspotAddress, Interlocked.Increment(ref _nextHost)));

    private void AddEvent(HotspotEvent hotspotEvent)
    {
        TaskCompletionSource signal;
        lock (_lock)
        {
            _events.Add(hotspotEvent);
            signal = _eventAdded;
            _eventAdded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        signal.TrySetResult();
    }

    private sealed record OutgoingAccounting(RadiusPacket Packet, HotspotEventKind Kind, AcctTerminateCause? Cause)
    {
        public TaskCompletionSource<bool> Acknowledged { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class ActiveSession(HotspotSession session)
    {
        public HotspotSession Session { get; } = session;

        public Channel<OutgoingAccounting> Outbox { get; } = Channel.CreateUnbounded<OutgoingAccounting>(new UnboundedChannelOptions { SingleReader = true });

        public ITimer? Timeout { get; set; }

        public ITimer? Idle { get; set; }

        public ITimer? Interim { get; set; }

        public void DisposeTimers()
        {
            Timeout?.Dispose();
            Idle?.Dispose();
            Interim?.Dispose();
        }
    }
}
