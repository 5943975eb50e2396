using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using WifiBilling.Radius.Diagnostics;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Server;

/// <summary>
/// One UDP port: one or more sockets (several share the port with SO_REUSEPORT, so the kernel spreads routers over
/// them), each with a few dedicated receiving threads. A receiving thread takes a datagram and carries it as far as it
/// can: validation (structure, client, authenticators, duplicates), the handler and, when the handler completes at
/// once (a login decided from memory), the reply — no hand-over to another thread, no queue. A handler that has to
/// wait (a durable write) continues on the thread pool and the receiving thread goes back to the socket; at most
/// <see cref="RadiusServerOptions.MaxConcurrentRequests"/> handlers run at once. The socket's receive buffer
/// (<see cref="RadiusServerOptions.ReceiveBufferSize"/>) absorbs bursts while every thread is busy.
/// </summary>
internal sealed partial class RadiusListener : IDisposable
{
    /// <summary>How long a datagram may wait for a free handler slot; by then the NAS has retransmitted it.</summary>
    private static readonly TimeSpan HandlerSlotWait = TimeSpan.FromSeconds(1);

    /// <summary>Receiving threads wake this often to notice shutdown (disposing the socket also wakes them).</summary>
    private static readonly TimeSpan ReceivePoll = TimeSpan.FromMilliseconds(500);

    private readonly RadiusListenerKind _kind;
    private readonly Socket[] _sockets;
    private readonly RadiusServerOptions _options;
    private readonly IRadiusClientRegistry _registry;
    private readonly IAccessRequestHandler? _accessHandler;
    private readonly IAccountingRequestHandler? _accountingHandler;
    private readonly RadiusMetrics _metrics;
    private readonly RadiusServerCounters _counters;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly DuplicateRequestCache _duplicates;
    private readonly DropLogThrottle _dropLog;
    private readonly ReceivedDatagram.Pool _pool;
    private readonly SemaphoreSlim _inFlight;
    private readonly IPEndPoint _endPointTemplate;

    public RadiusListener(
        RadiusListenerKind kind,
        IReadOnlyList<Socket> sockets,
        RadiusServerOptions options,
        IRadiusClientRegistry registry,
        IAccessRequestHandler? accessHandler,
        IAccountingRequestHandler? accountingHandler,
        RadiusMetrics metrics,
        RadiusServerCounters counters,
        TimeProvider timeProvider,
        ILogger logger)
    {
        _kind = kind;
        _sockets = [.. sockets];
        _options = options;
        _registry = registry;
        _accessHandler = accessHandler;
        _accountingHandler = accountingHandler;
        _metrics = metrics;
        _counters = counters;
        _timeProvider = timeProvider;
        _logger = logger;
        _duplicates = new DuplicateRequestCache(timeProvider, options.DuplicateCacheDuration, TimeSpan.FromMinutes(2));
        _dropLog = new DropLogThrottle(timeProvider, options.DropLogInterval);
        var family = _sockets[0].AddressFamily;
        _pool = new ReceivedDatagram.Pool(family, (_sockets.Length * options.ReceiveLoops) + options.MaxConcurrentRequests);
        _inFlight = new SemaphoreSlim(options.MaxConcurrentRequests, options.MaxConcurrentRequests);
        _endPointTemplate = family == AddressFamily.InterNetworkV6
            ? new IPEndPoint(IPAddress.IPv6Any, 0)
            : new IPEndPoint(IPAddress.Any, 0);
        LocalEndPoint = (IPEndPoint)_sockets[0].LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var threads = new List<Thread>();
        foreach (var socket in _sockets)
        {
            socket.ReceiveTimeout = (int)ReceivePoll.TotalMilliseconds;
            for (var i = 0; i < _options.ReceiveLoops; i++)
            {
                var thread = new Thread(() => ReceiveLoop(socket, stoppingToken)) { IsBackground = true, Name = $"radius-{_kind.ToString().ToLowerInvariant()}-{threads.Count}" };
                threads.Add(thread);
                thread.Start();
            }
        }

        using (stoppingToken.Register(() => stopped.TrySetResult()))
        {
            await stopped.Task.ConfigureAwait(false);
        }

        foreach (var socket in _sockets)
        {
            // Wakes the threads blocked in a receive (Linux; elsewhere they notice within ReceivePoll); replies can
            // still be sent until the listener is disposed.
            try
            {
                socket.Shutdown(SocketShutdown.Receive);
            }
            catch (SocketException)
            {
                // An unconnected UDP socket reports ENOTCONN, but the receivers have been woken.
            }
        }

        await Task.Run(() => threads.ForEach(t => t.Join()), CancellationToken.None).ConfigureAwait(false);

        // Let started handlers finish (bounded): an accounting record half-written is worse than a late shutdown.
        for (var i = 0; i < _options.MaxConcurrentRequests; i++)
        {
            if (!await _inFlight.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false))
            {
                LogHandlersStillRunning(_logger, _kind);
                break;
            }
        }
    }

    public void Dispose()
    {
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        _inFlight.Dispose();
    }

    private void ReceiveLoop(Socket socket, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var datagram = _pool.Rent();
            try
            {
                datagram.Length = socket.ReceiveFrom(datagram.Buffer, SocketFlags.None, datagram.Address);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
            {
                _pool.Return(datagram);
                _duplicates.SweepIdle(); // a quiet port still lets go of the replies of the last burst
                continue;
            }
            catch (Exception ex) when (ex is ObjectDisposedException || (ex is SocketException && stoppingToken.IsCancellationRequested))
            {
                _pool.Return(datagram);
                return;
            }
            catch (SocketException ex)
            {
                // E.g. ICMP port unreachable reported on a later receive (Windows); the socket stays usable.
                _pool.Return(datagram);
                LogReceiveError(_logger, _kind, ex.SocketErrorCode);
                continue;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                // Woken by the shutdown (Linux returns an empty read with no sender); a datagram that raced it is
                // left to the NAS's retransmission, like any arriving after the socket closes.
                _pool.Return(datagram);
                return;
            }

            _counters.OnReceived();
            var handedOver = false;
            try
            {
                handedOver = Process(socket, datagram, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Shutting down: the NAS retransmits to another server.
            }
            catch (Exception ex)
            {
                LogProcessingFailed(_logger, ex, _kind);
            }
            finally
            {
                if (!handedOver)
                {
                    _pool.Return(datagram);
                }
            }
        }
    }

    /// <summary>Returns true when a handler took over the datagram (it returns it to the pool).</summary>
    private bool Process(Socket socket, ReceivedDatagram datagram, CancellationToken stoppingToken)
    {
        var decision = Inspect(datagram, out var pending, out var cachedReplyLength);
        switch (decision)
        {
            case Decision.ResendCachedReply:
                // Inspect copied the cached reply over the request's octets (no longer needed).
                socket.SendTo(datagram.Buffer.AsSpan(0, cachedReplyLength), SocketFlags.None, datagram.Address);
                _counters.OnRetransmitAnswered();
                return false;
            case Decision.Handle:
                if (!_inFlight.Wait(0, CancellationToken.None) && !_inFlight.Wait(HandlerSlotWait, stoppingToken))
                {
                    _duplicates.Forget(pending.Key);
                    Drop(pending.Context.Request.Code, RadiusDropReason.QueueFull, datagram, pending.Context.RemoteEndPoint);
                    return false;
                }

                // Runs synchronously as far as the handler does; the rest continues on the thread pool.
                _ = HandleAsync(socket, datagram, pending, stoppingToken);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The synchronous part: everything that reads the datagram in place.</summary>
    private Decision Inspect(ReceivedDatagram datagram, out PendingRequest pending, out int cachedReplyLength)
    {
        pending = default;
        cachedReplyLength = 0;
        RadiusPacketView view;
        try
        {
            view = RadiusPacketCodec.Read(datagram.Span);
        }
        catch (RadiusPacketException)
        {
            Drop(null, RadiusDropReason.Malformed, datagram, null);
            return Decision.Drop;
        }

        var code = view.Code;
        var expected = _kind == RadiusListenerKind.Authentication ? RadiusCode.AccessRequest : RadiusCode.AccountingRequest;
        if (code != expected && code != RadiusCode.StatusServer)
        {
            Drop(code, RadiusDropReason.UnexpectedCode, datagram, null);
            return Decision.Drop;
        }

        if ((code == RadiusCode.AccessRequest && _accessHandler is null) || (code == RadiusCode.AccountingRequest && _accountingHandler is null))
        {
            Drop(code, RadiusDropReason.NoHandler, datagram, null);
            return Decision.Drop;
        }

        // Only datagrams that look like RADIUS pay for an IPEndPoint (needed by the registry and the handler).
        var remote = datagram.GetRemoteEndPoint(_endPointTemplate);

        var byNasIdentifier = false;
        if (!_registry.TryGetByAddress(remote.Address, out var client))
        {
            if (!view.TryGetValue(RadiusAttributeType.NasIdentifier, out var nasIdentifier)
                || !_registry.TryGetByNasIdentifier(RadiusValue.ReadString(nasIdentifier), out client))
            {
                Drop(code, RadiusDropReason.UnknownClient, datagram, remote);
                return Decision.Drop;
            }

            byNasIdentifier = true;
        }

        // A NAS found only by the NAS-Identifier it claims must prove it knows the secret on Access-Request and
        // Status-Server; an Accounting-Request already does so through its keyed Request Authenticator (RFC 2866 §3).
        // The per-router requirement is about Access-Requests too: RouterOS sends no Message-Authenticator in
        // accounting (mikrotik.md §5.2), so requiring it there would drop every Accounting-Request.
        var requireMessageAuthenticator = (client.RequireMessageAuthenticator || byNasIdentifier) && code != RadiusCode.AccountingRequest;
        var verification = RadiusPacketCodec.TryVerify(view, client.Secret.Span, default, requireMessageAuthenticator);
        if (verification != RadiusVerificationResult.Valid)
        {
            var reason = verification switch
            {
                RadiusVerificationResult.MissingMessageAuthenticator => RadiusDropReason.MissingMessageAuthenticator,
                RadiusVerificationResult.InvalidMessageAuthenticator => RadiusDropReason.BadMessageAuthenticator,
                _ => RadiusDropReason.BadAuthenticator,
            };
            Drop(code, reason, datagram, remote);
            return Decision.Drop;
        }

        var key = DuplicateRequestKey.Create(remote, view.Identifier, view.Authenticator);
        switch (_duplicates.Begin(key, datagram.Buffer, out cachedReplyLength))
        {
            case DuplicateRequestStatus.InProgress:
                Drop(code, RadiusDropReason.DuplicateInProgress, datagram, remote);
                return Decision.Drop;
            case DuplicateRequestStatus.Answered:
                return Decision.ResendCachedReply;
        }

        var context = new RadiusRequestContext(view.ToPacket(), client, remote, _kind, _timeProvider.GetUtcNow(), byNasIdentifier);
        pending = new PendingRequest(context, key);
        return Decision.Handle;
    }

    private async Task HandleAsync(Socket socket, ReceivedDatagram datagram, PendingRequest pending, CancellationToken stoppingToken)
    {
        var (context, key) = pending;
        var request = context.Request;
        var completed = false;
        try
        {
            var response = await InvokeHandlerAsync(context, stoppingToken).ConfigureAwait(false);
            if (response is null)
            {
                // Accounting not durable: forget it so the retransmit is recorded. Access deliberately unanswered: remember.
                if (request.Code == RadiusCode.AccountingRequest)
                {
                    _duplicates.Forget(key);
                }
                else
                {
                    _duplicates.CompleteUnanswered(key);
                }

                completed = true;
                _counters.OnNoReply();
                _metrics.RequestNotAnswered(request.Code);
                return;
            }

            if (!IsValidReply(request.Code, response.Code))
            {
                LogInvalidReply(_logger, response.Code, request.Code);
                Drop(request.Code, RadiusDropReason.InvalidReply, datagram, context.RemoteEndPoint);
                return;
            }

            var reply = EncodeReply(context, response);
            _duplicates.Complete(key, reply);
            completed = true;
            socket.SendTo(reply, SocketFlags.None, datagram.Address);
            _counters.OnAnswered();
            _metrics.RequestAnswered(request.Code, response.Code);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception ex)
        {
            LogHandlerFailed(_logger, ex, RadiusMetrics.CodeName(request.Code), context.Client.Name);
            _counters.OnDropped(RadiusDropReason.HandlerFailed);
            _metrics.RequestDropped(request.Code, RadiusDropReason.HandlerFailed);
        }
        finally
        {
            if (!completed)
            {
                _duplicates.Forget(key);
            }

            _inFlight.Release();
            _pool.Return(datagram);
        }
    }

    private async ValueTask<RadiusPacket?> InvokeHandlerAsync(RadiusRequestContext context, CancellationToken stoppingToken)
    {
        var request = context.Request;
        switch (request.Code)
        {
            case RadiusCode.StatusServer:
                // RFC 5997 §3: the server itself answers: Access-Accept on the auth port, Accounting-Response on the acct port.
                return request.CreateResponse(_kind == RadiusListenerKind.Authentication ? RadiusCode.AccessAccept : RadiusCode.AccountingResponse);
            case RadiusCode.AccessRequest when _accessHandler is not null:
                var started = _timeProvider.GetTimestamp();
                var response = await _accessHandler.HandleAccessRequestAsync(context, stoppingToken).ConfigureAwait(false);
                _metrics.AccessHandled(_timeProvider.GetElapsedTime(started));
                return response;
            case RadiusCode.AccountingRequest when _accountingHandler is not null:
                var durable = await _accountingHandler.HandleAccountingRequestAsync(context, stoppingToken).ConfigureAwait(false);
                return durable ? request.CreateResponse(RadiusCode.AccountingResponse) : null;
            default:
                throw new InvalidOperationException($"No handler is registered for {request.Code}.");
        }
    }

    private static bool IsValidReply(RadiusCode requestCode, RadiusCode responseCode) => requestCode switch
    {
        RadiusCode.AccessRequest => responseCode.IsAccessResponse(),
        RadiusCode.AccountingRequest => responseCode == RadiusCode.AccountingResponse,
        _ => responseCode is RadiusCode.AccessAccept or RadiusCode.AccountingResponse,
    };

    /// <summary>
    /// Finishes the handler's reply: the request's Identifier, a Message-Authenticator on every Access-* reply and on
    /// Status-Server replies (RouterOS ≥ 7.15 drops Access-* replies without; RFC 5997 §3), and the request's
    /// Proxy-State attributes, unmodified and in order, at the end (RFC 2865 §5.33).
    /// </summary>
    private static byte[] EncodeReply(RadiusRequestContext context, RadiusPacket response)
    {
        var request = context.Request;
        response.Identifier = request.Identifier;
        if (response.Code.IsAccessResponse() || request.Code == RadiusCode.StatusServer)
        {
            response.AddMessageAuthenticator();
        }

        response.RemoveAll(RadiusAttributeType.ProxyState);
        foreach (var proxyState in request.GetAll(RadiusAttributeType.ProxyState))
        {
            response.Add(proxyState);
        }

        return RadiusPacketCodec.Encode(response, context.Client.Secret.Span, request.Authenticator.Span);
    }

    private void Drop(RadiusCode? code, RadiusDropReason reason, ReceivedDatagram datagram, IPEndPoint? remote)
    {
        _counters.OnDropped(reason);
        _metrics.RequestDropped(code, reason);
        if (_logger.IsEnabled(LogLevel.Warning) && _dropLog.ShouldLog(reason, out var suppressed))
        {
            LogDropped(_logger, _kind, RadiusDropReasonNames.Describe(reason), remote ?? datagram.GetRemoteEndPoint(_endPointTemplate),
                code is { } c ? RadiusMetrics.CodeName(c) : "datagram", datagram.Length, suppressed);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "RADIUS {Listener}: dropped {Code} ({Length} octets) from {RemoteEndPoint}: {Reason}. {Suppressed} similar drops were not logged since the last warning.")]
    private static partial void LogDropped(ILogger logger, RadiusListenerKind listener, string reason, IPEndPoint remoteEndPoint, string code, int length, long suppressed);

    [LoggerMessage(Level = LogLevel.Error, Message = "RADIUS handler failed for {Code} from client {Client}; no reply sent, a retransmit will be handled again")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string code, string client);

    [LoggerMessage(Level = LogLevel.Error, Message = "RADIUS handler returned {ResponseCode} for {RequestCode}; reply not sent")]
    private static partial void LogInvalidReply(ILogger logger, RadiusCode responseCode, RadiusCode requestCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "RADIUS {Listener}: processing a datagram failed")]
    private static partial void LogProcessingFailed(ILogger logger, Exception exception, RadiusListenerKind listener);

    [LoggerMessage(Level = LogLevel.Debug, Message = "RADIUS {Listener}: receive error {Error}")]
    private static partial void LogReceiveError(ILogger logger, RadiusListenerKind listener, SocketError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RADIUS {Listener}: handlers still running at shutdown")]
    private static partial void LogHandlersStillRunning(ILogger logger, RadiusListenerKind listener);

    private enum Decision
    {
        Drop,
        ResendCachedReply,
        Handle,
    }

    private readonly record struct PendingRequest(RadiusRequestContext Context, DuplicateRequestKey Key);
}
