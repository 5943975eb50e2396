using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using WifiBilling.Radius.Diagnostics;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Coa;

/// <summary>
/// RFC 5176 client over one UDP socket. Identifiers are allocated per destination (at most 256 outstanding per NAS);
/// a request is encoded once (Request Authenticator as for Accounting-Request, plus a Message-Authenticator, §3.3)
/// and retransmitted unchanged with growing waits. A reply counts only if it comes from the destination, carries
/// the Identifier, an ACK/NAK code for the request, a valid Response Authenticator and, when present, a valid
/// Message-Authenticator; anything else is ignored and the wait goes on.
/// </summary>
public sealed partial class RadiusCoaClient : IRadiusCoaClient, IDisposable
{
    private readonly RadiusCoaClientOptions _options;
    private readonly RadiusMetrics _metrics;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RadiusCoaClient> _logger;
    private readonly ConcurrentDictionary<IPEndPoint, IdentifierPool> _identifiers = new();
    private readonly ConcurrentDictionary<(IPEndPoint Destination, byte Identifier), PendingRequest> _pending = new();
    private readonly Lock _socketLock = new();
    private readonly CancellationTokenSource _disposed = new();
    private Socket? _socket;

    public RadiusCoaClient(IOptions<RadiusCoaClientOptions> options, RadiusMetrics metrics, ILogger<RadiusCoaClient> logger, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _metrics = metrics ?? throw new ArgumentNullException(nameof(metrics));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The local endpoint requests are sent from (binds on first use).</summary>
    public IPEndPoint LocalEndPoint => (IPEndPoint)EnsureSocket().LocalEndPoint!;

    public async Task<CoaResult> SendAsync(CoaRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        var socket = EnsureSocket();
        var nasAddress = request.NasAddress.IsIPv4MappedToIPv6 ? request.NasAddress.MapToIPv4() : request.NasAddress;
        var destination = new IPEndPoint(nasAddress, request.Port ?? _options.DefaultPort);
        var identifiers = _identifiers.GetOrAdd(destination, _ => new IdentifierPool());
        var identifier = await identifiers.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var key = (destination, identifier);
        try
        {
            var packet = new RadiusPacket(request.Code, identifier);
            foreach (var attribute in request.Attributes)
            {
                packet.Add(attribute);
            }

            packet.AddMessageAuthenticator();
            var bytes = RadiusPacketCodec.Encode(packet, request.Secret.Span);
            var pending = new PendingRequest(request.Code, request.Secret, bytes.AsMemory(4, RadiusAuthenticator.Length));
            _pending[key] = pending;
            var sendTo = socket.AddressFamily == AddressFamily.InterNetworkV6 && destination.AddressFamily == AddressFamily.InterNetwork
                ? new IPEndPoint(destination.Address.MapToIPv6(), destination.Port)
                : destination;

            var retries = request.Retries ?? _options.Retries;
            var wait = request.Timeout ?? _options.Timeout;
            for (var attempt = 1; attempt <= retries + 1; attempt++)
            {
                await socket.SendToAsync(bytes, SocketFlags.None, sendTo, cancellationToken).ConfigureAwait(false);
                try
                {
                    var response = await pending.Reply.Task.WaitAsync(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                    return Complete(request.Code, Classify(response, attempt));
                }
                catch (TimeoutException)
                {
                    wait = TimeSpan.FromTicks(Math.Min(_options.MaxTimeout.Ticks, (long)(wait.Ticks * _options.BackoffMultiplier)));
                }
            }

            LogTimeout(_logger, RadiusMetrics.CodeName(request.Code), destination, retries + 1);
            return Complete(request.Code, new CoaResult(CoaOutcome.Timeout, null, null, retries + 1));
        }
        finally
        {
            _pending.TryRemove(key, out _);
            identifiers.Release(identifier);
        }
    }

    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        _disposed.Cancel();
        lock (_socketLock)
        {
            _socket?.Dispose();
        }

        _disposed.Dispose();
    }

    private CoaResult Complete(RadiusCode code, CoaResult result)
    {
        _metrics.CoaCompleted(code, result.Outcome);
        return result;
    }

    private static CoaResult Classify(RadiusPacket response, int attempts)
    {
        if (response.Code is RadiusCode.DisconnectAck or RadiusCode.CoaAck)
        {
            return new CoaResult(CoaOutcome.Ack, null, response, attempts);
        }

        ErrorCause? cause = null;
        if (response.TryGet(RadiusAttributeType.ErrorCause, out var attribute) && attribute.Value.Length == 4)
        {
            cause = (ErrorCause)attribute.AsUInt32();
        }

        return new CoaResult(CoaOutcome.Nak, cause, response, attempts);
    }

    private Socket EnsureSocket()
    {
        lock (_socketLock)
        {
            ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
            if (_socket is null)
            {
                var bindAddress = string.IsNullOrWhiteSpace(_options.BindAddress) ? null : IPAddress.Parse(_options.BindAddress);
                var address = bindAddress ?? (Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any);
                var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                if (address.Equals(IPAddress.IPv6Any))
                {
                    socket.DualMode = true;
                }

                socket.Bind(new IPEndPoint(address, 0));
                _socket = socket;
                _ = Task.Run(() => ReceiveLoopAsync(socket, _disposed.Token));
            }

            return _socket;
        }
    }

    private async Task ReceiveLoopAsync(Socket socket, CancellationToken stoppingToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(RadiusPacketCodec.MaxPacketLength);
        var address = new SocketAddress(socket.AddressFamily);
        var template = socket.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = await socket.ReceiveFromAsync(buffer.AsMemory(), SocketFlags.None, address, stoppingToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    continue;
                }

                var source = (IPEndPoint)template.Create(address);
                if (source.Address.IsIPv4MappedToIPv6)
                {
                    source = new IPEndPoint(source.Address.MapToIPv4(), source.Port);
                }

                Accept(buffer.AsSpan(0, length), source);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // Disposed.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Accept(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        RadiusPacketView view;
        try
        {
            view = RadiusPacketCodec.Read(datagram);
        }
        catch (RadiusPacketException)
        {
            LogBadReply(_logger, source, "malformed");
            return;
        }

        if (!_pending.TryGetValue((source, view.Identifier), out var pending))
        {
            LogBadReply(_logger, source, "no request is waiting for this Identifier from this address");
            return;
        }

        var expected = pending.Code == RadiusCode.DisconnectRequest
            ? view.Code is RadiusCode.DisconnectAck or RadiusCode.DisconnectNak
            : view.Code is RadiusCode.CoaAck or RadiusCode.CoaNak;
        if (!expected)
        {
            LogBadReply(_logger, source, $"unexpected code {(byte)view.Code}");
            return;
        }

        var verification = RadiusPacketCodec.TryVerify(view, pending.Secret.Span, pending.RequestAuthenticator.Span);
        if (verification != RadiusVerificationResult.Valid)
        {
            LogBadReply(_logger, source, verification.ToString());
            return;
        }

        pending.Reply.TrySetResult(view.ToPacket());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Code} to {Destination} got no valid reply after {Attempts} attempts")]
    private static partial void LogTimeout(ILogger logger, string code, IPEndPoint destination, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a CoA/Disconnect reply from {Source}: {Reason}")]
    private static partial void LogBadReply(ILogger logger, IPEndPoint source, string reason);

    private sealed class PendingRequest(RadiusCode code, ReadOnlyMemory<byte> secret, ReadOnlyMemory<byte> requestAuthenticator)
    {
        public RadiusCode Code { get; } = code;

        public ReadOnlyMemory<byte> Secret { get; } = secret;

        public ReadOnlyMemory<byte> RequestAuthenticator { get; } = requestAuthenticator;

        public TaskCompletionSource<RadiusPacket> Reply { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>The 256 Identifiers of one destination; a caller waits when all are outstanding.</summary>
    private sealed class IdentifierPool : IDisposable
    {
        private readonly SemaphoreSlim _available = new(256, 256);
        private readonly bool[] _inUse = new bool[256];
        private readonly Lock _lock = new();
        private int _next = Random.Shared.Next(256);

        public async ValueTask<byte> AcquireAsync(CancellationToken cancellationToken)
        {
            await _available.WaitAsync(cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                while (_inUse[_next])
                {
                    _next = (_next + 1) & 0xFF;
                }

                var identifier = (byte)_next;
                _inUse[identifier] = true;
                _next = (_next + 1) & 0xFF;
                return identifier;
            }
        }

        public void Dispose() => _available.Dispose();

        public void Release(byte identifier)
        {
            lock (_lock)
            {
                _inUse[identifier] = false;
            }

            _available.Release();
        }
    }
}
