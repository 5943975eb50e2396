using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using HdrHistogram;
using WifiBilling.Radius.Protocol;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// Sends one phase's prepared requests and collects the answers. Each router port is a connected UDP socket with its
/// own receiving thread, which checks a reply as RouterOS does (<see cref="RouterOsReplyCheck"/>), records its latency
/// and — in a closed loop — sends the next request at once from the same thread. A supervising thread retransmits
/// the same octets when a request's timeout passes and gives it up after the last retry. Open loop: a pacing thread
/// sends on schedule whatever the answers do.
/// </summary>
internal sealed class LoadPhaseRunner : IDisposable
{
    private static readonly TimeSpan ReceivePoll = TimeSpan.FromMilliseconds(200);

    private readonly LoadSettings _settings;
    private readonly IReadOnlyList<VirtualRouter> _routers;
    private readonly byte[][] _packets;
    private readonly LoadRoute _route;
    private readonly int _count;
    private readonly bool _closedLoop;
    private readonly Slot[] _slots;
    private readonly Socket[] _sockets;
    private readonly ConcurrentQueue<Deadline> _deadlines = new();
    private readonly ConcurrentQueue<int> _deferred = new();
    private readonly LongConcurrentHistogram _latency;
    private readonly ManualResetEventSlim _done = new();
    private readonly long _timeoutTicks;
    private readonly List<Thread> _threads = [];
    private int _next;
    private long _completed;
    private long _sent;
    private long _answered;
    private long _accepted;
    private long _rejected;
    private long _lost;
    private long _retransmits;
    private long _badReplies;
    private long _duplicateReplies;
    private long _identifierWaits;
    private long _firstSent;
    private long _lastCompleted;
    private long _maxLagTicks;
    private volatile bool _stopping;

    public LoadPhaseRunner(LoadSettings settings, IReadOnlyList<VirtualRouter> routers, LoadKind kind, byte[][] packets, LoadRoute route, bool closedLoop)
    {
        _settings = settings;
        _routers = routers;
        _packets = packets;
        _route = route;
        _count = packets.Length;
        _closedLoop = closedLoop;
        _slots = new Slot[route.SlotCount];
        _timeoutTicks = (long)(settings.Timeout.TotalSeconds * Stopwatch.Frequency);
        var longest = (long)(settings.Timeout.TotalMilliseconds * 1000 * (settings.Retries + 2));
        _latency = new LongConcurrentHistogram(1, Math.Max(60_000_000, longest), 3);
        var port = kind is LoadKind.Pap or LoadKind.Chap or LoadKind.Mac ? settings.AuthPort : settings.AcctPort;
        _sockets = new Socket[routers.Count * settings.PortsPerRouter];
        for (var i = 0; i < _sockets.Length; i++)
        {
            _sockets[i] = Connect(routers[i / settings.PortsPerRouter].SourceAddress, new IPEndPoint(settings.Server, port));
        }
    }

    public LoadPhaseResult Run(string phase, LoadKind kind, double prepareSeconds, CancellationToken cancellationToken)
    {
        for (var s = 0; s < _sockets.Length; s++)
        {
            var socket = s;
            Start($"load-receive-{socket}", () => Receive(socket));
        }

        Start("load-supervisor", Supervise);
        using (cancellationToken.Register(Stop))
        {
            Interlocked.CompareExchange(ref _firstSent, Stopwatch.GetTimestamp(), 0);
            if (_closedLoop)
            {
                for (var i = 0; i < Math.Min(_settings.Concurrency, _count); i++)
                {
                    SendNext();
                }
            }
            else
            {
                Start("load-pacer", Pace);
            }

            _done.Wait(CancellationToken.None);
        }

        Stop();
        var elapsed = Stopwatch.GetElapsedTime(Interlocked.Read(ref _firstSent), Math.Max(Interlocked.Read(ref _lastCompleted), Interlocked.Read(ref _firstSent)));
        var answered = Interlocked.Read(ref _answered);
        return new LoadPhaseResult
        {
            Phase = phase,
            Kind = kind,
            Loop = _closedLoop ? "closed" : "open",
            Concurrency = _closedLoop ? _settings.Concurrency : null,
            TargetRate = _closedLoop ? null : _settings.Rate,
            Routers = _routers.Count,
            Requests = _count,
            Sent = Interlocked.Read(ref _sent),
            Answered = answered,
            Accepted = Interlocked.Read(ref _accepted),
            Rejected = Interlocked.Read(ref _rejected),
            Lost = Interlocked.Read(ref _lost),
            Retransmits = Interlocked.Read(ref _retransmits),
            BadReplies = Interlocked.Read(ref _badReplies),
            DuplicateReplies = Interlocked.Read(ref _duplicateReplies),
            IdentifierWaits = Interlocked.Read(ref _identifierWaits),
            PrepareSeconds = Math.Round(prepareSeconds, 3),
            ElapsedSeconds = Math.Round(elapsed.TotalSeconds, 3),
            Throughput = elapsed > TimeSpan.Zero ? Math.Round(answered / elapsed.TotalSeconds, 1) : 0,
            MaxSendLagMilliseconds = _closedLoop ? null : Math.Round(Interlocked.Read(ref _maxLagTicks) * 1000.0 / Stopwatch.Frequency, 3),
            Latency = LatencySummary.From(_latency),
        };
    }

    public void Dispose()
    {
        Stop();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _done.Dispose();
    }

    private static Socket Connect(IPAddress source, IPEndPoint server)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            // A connected socket: the kernel passes on only the server's datagrams, and send/receive skip addresses.
            socket.ReceiveBufferSize = 4 * 1024 * 1024;
            socket.ReceiveTimeout = (int)ReceivePoll.TotalMilliseconds;
            socket.Bind(new IPEndPoint(source, 0));
            socket.Connect(server);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private void Start(string name, Action body)
    {
        var thread = new Thread(() => body(), 256 * 1024) { IsBackground = true, Name = name };
        _threads.Add(thread);
        thread.Start();
    }

    private void Stop()
    {
        _stopping = true;
        _done.Set();
    }

    /// <summary>Closed loop: the next request, from whichever thread just finished one.</summary>
    private void SendNext()
    {
        var request = Interlocked.Increment(ref _next) - 1;
        if (request < _count && !_stopping && !TrySend(request))
        {
            Interlocked.Increment(ref _identifierWaits);
            _deferred.Enqueue(request);
        }
    }

    /// <summary>Claims the request's port and Identifier (false while an earlier request still holds them) and sends it.</summary>
    private bool TrySend(int request)
    {
        ref var slot = ref _slots[_route.SlotOf(request)];
        if (Interlocked.CompareExchange(ref slot.Sequence, request + 1L, 0) != 0)
        {
            return false;
        }

        var now = Stopwatch.GetTimestamp();
        slot.FirstSent = now;
        slot.Attempts = 1;
        Interlocked.Increment(ref _sent);
        _deadlines.Enqueue(new Deadline(now + _timeoutTicks, request, 1));
        Transmit(request);
        return true;
    }

    private void Transmit(int request)
    {
        try
        {
            _sockets[_route.SocketOf(request)].Send(_packets[request], SocketFlags.None);
        }
        catch (SocketException)
        {
            // E.g. an ICMP port unreachable reported on this connected socket: like a router, wait and retransmit.
        }
        catch (ObjectDisposedException)
        {
            // The phase is over.
        }
    }

    private void Receive(int socketIndex)
    {
        var socket = _sockets[socketIndex];
        var router = _routers[socketIndex / _settings.PortsPerRouter];
        var buffer = new byte[RadiusPacketCodec.MaxPacketLength];
        while (!_stopping)
        {
            int length;
            try
            {
                length = socket.Receive(buffer, SocketFlags.None);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionRefused or SocketError.ConnectionReset)
            {
                continue;
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
            {
                return;
            }

            OnReply(socketIndex, router, buffer.AsSpan(0, length));
        }
    }

    private void OnReply(int socketIndex, VirtualRouter router, ReadOnlySpan<byte> datagram)
    {
        if (datagram.Length < RadiusPacketCodec.HeaderLength)
        {
            Interlocked.Increment(ref _badReplies);
            return;
        }

        ref var slot = ref _slots[(socketIndex * 256) + datagram[1]];
        var sequence = Volatile.Read(ref slot.Sequence);
        var sentAt = slot.FirstSent;
        RadiusPacketView reply = default;
        var answers = sequence != 0 && IsReplyTo(sequence, router, datagram, out reply);
        if (!answers || Interlocked.CompareExchange(ref slot.Sequence, 0, sequence) != sequence)
        {
            // Either a copy of an answer already taken (the server answered a retransmit too: RFC 5080 §2.2.2, and a
            // router discards it), or something that answers nothing this router sent.
            var previous = answers ? sequence : Volatile.Read(ref slot.Previous);
            Interlocked.Increment(ref previous != 0 && (answers || IsReplyTo(previous, router, datagram, out _)) ? ref _duplicateReplies : ref _badReplies);
            return;
        }

        Volatile.Write(ref slot.Previous, sequence);

        var now = Stopwatch.GetTimestamp();
        _latency.RecordValue(Math.Max(1, (now - sentAt) * 1_000_000 / Stopwatch.Frequency));
        Interlocked.Increment(ref _answered);
        Interlocked.Increment(ref reply.Code == RadiusCode.AccessReject ? ref _rejected : ref _accepted);
        Complete(now);
    }

    /// <summary>The router's checks (RouterOS: Identifier, Response Authenticator, Message-Authenticator) against request <paramref name="sequence"/>.</summary>
    private bool IsReplyTo(long sequence, VirtualRouter router, ReadOnlySpan<byte> datagram, out RadiusPacketView reply)
    {
        var request = _packets[sequence - 1];
        return RouterOsReplyCheck.IsValidReply(
            (RadiusCode)request[0], request[1], request.AsSpan(4, RadiusAuthenticator.Length), datagram, router.Secret,
            _settings.SendMessageAuthenticator, out reply);
    }

    private void Complete(long now)
    {
        if (Interlocked.Increment(ref _completed) == _count)
        {
            Interlocked.Exchange(ref _lastCompleted, now);
            _done.Set();
        }
        else if (_closedLoop)
        {
            SendNext();
        }
    }

    /// <summary>Retransmits what timed out (same octets, RouterOS style), gives up after the last retry, sends deferred requests.</summary>
    private void Supervise()
    {
        while (!_stopping)
        {
            _done.Wait(TimeSpan.FromMilliseconds(2));
            var now = Stopwatch.GetTimestamp();
            while (_deadlines.TryPeek(out var deadline) && deadline.Ticks <= now && _deadlines.TryDequeue(out deadline))
            {
                ref var slot = ref _slots[_route.SlotOf(deadline.Request)];
                var sequence = deadline.Request + 1L;
                if (Volatile.Read(ref slot.Sequence) != sequence || slot.Attempts != deadline.Attempt)
                {
                    continue;
                }

                if (slot.Attempts <= _settings.Retries)
                {
                    slot.Attempts++;
                    Interlocked.Increment(ref _retransmits);
                    _deadlines.Enqueue(new Deadline(now + _timeoutTicks, deadline.Request, slot.Attempts));
                    Transmit(deadline.Request);
                }
                else if (Interlocked.CompareExchange(ref slot.Sequence, 0, sequence) == sequence)
                {
                    Volatile.Write(ref slot.Previous, sequence);
                    Interlocked.Increment(ref _lost);
                    Complete(now);
                }
            }

            for (var pending = _deferred.Count; pending > 0 && _deferred.TryDequeue(out var request); pending--)
            {
                if (!TrySend(request))
                {
                    _deferred.Enqueue(request);
                }
            }
        }
    }

    /// <summary>Open loop: request j leaves at start + j / rate (up to a millisecond early, in small bursts, not busy-waiting).</summary>
    private void Pace()
    {
        var ticksPerRequest = Stopwatch.Frequency / _settings.Rate!.Value;
        var millisecond = Stopwatch.Frequency / 1000;
        var start = Stopwatch.GetTimestamp();
        for (var request = 0; request < _count && !_stopping; request++)
        {
            var due = start + (long)(request * ticksPerRequest);
            while (Stopwatch.GetTimestamp() < due - millisecond && !_stopping)
            {
                Thread.Sleep(1);
            }

            var lag = Stopwatch.GetTimestamp() - due;
            if (lag > Interlocked.Read(ref _maxLagTicks))
            {
                Interlocked.Exchange(ref _maxLagTicks, lag);
            }

            if (!TrySend(request))
            {
                Interlocked.Increment(ref _identifierWaits);
                _deferred.Enqueue(request);
            }
        }
    }

    /// <summary>
    /// One port × Identifier: the request holding it (its number + 1; 0 = free), the one that held it last (to tell a
    /// late copy of its answer from a bad reply), its first transmission, attempts so far.
    /// </summary>
    private struct Slot
    {
        public long Sequence;
        public long Previous;
        public long FirstSent;
        public int Attempts;
    }

    private readonly record struct Deadline(long Ticks, int Request, int Attempt);
}
