using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// <c>/radius incoming</c>: a UDP listener for Disconnect-Request and CoA-Request (RFC 5176). A request counts only if
/// its Request Authenticator (computed like an Accounting-Request's, §3.5) and any Message-Authenticator verify with
/// the shared secret; otherwise it is dropped and counted as a bad request, as a router does. A retransmitted
/// request gets the same answer again without being applied twice.
/// </summary>
internal sealed class CoaListener : IAsyncDisposable
{
    private static readonly TimeSpan AnswerCacheTime = TimeSpan.FromSeconds(30);

    private readonly Socket _socket;
    private readonly byte[] _secret;
    private readonly HotspotCounters _counters;
    private readonly Func<RadiusPacket, (RadiusCode Answer, ErrorCause? Cause)> _handle;
    private readonly ConcurrentDictionary<(IPEndPoint Source, byte Identifier, string Authenticator), (byte[] Reply, DateTime At)> _answered = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public CoaListener(IPAddress address, int port, byte[] secret, HotspotCounters counters, Func<RadiusPacket, (RadiusCode Answer, ErrorCause? Cause)> handle)
    {
        _secret = secret;
        _counters = counters;
        _handle = handle;
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(address, port));
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _loop = Task.Run(() => ReceiveLoopAsync(_stop.Token));
    }

    public IPEndPoint LocalEndPoint { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _socket.Dispose();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task ReceiveLoopAsync(CancellationToken stoppingToken)
    {
        var buffer = new byte[RadiusPacketCodec.MaxPacketLength];
        while (!stoppingToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            var source = (IPEndPoint)received.RemoteEndPoint;
            var reply = Answer(buffer.AsSpan(0, received.ReceivedBytes), source);
            if (reply is not null)
            {
                try
                {
                    await _socket.SendToAsync(reply, SocketFlags.None, source, stoppingToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    // The server went away; it will retransmit or give up.
                }
            }
        }
    }

    private byte[]? Answer(ReadOnlySpan<byte> datagram, IPEndPoint source)
    {
        _counters.OnIncoming();
        RadiusPacketView view;
        try
        {
            view = RadiusPacketCodec.Read(datagram);
        }
        catch (RadiusPacketException)
        {
            _counters.OnIncomingBad();
            return null;
        }

        if (view.Code is not (RadiusCode.DisconnectRequest or RadiusCode.CoaRequest)
            || RadiusPacketCodec.TryVerify(view, _secret) != RadiusVerificationResult.Valid)
        {
            _counters.OnIncomingBad();
            return null;
        }

        var key = (source, view.Identifier, Convert.ToHexString(view.Authenticator));
        var now = DateTime.UtcNow;
        if (_answered.TryGetValue(key, out var cached) && now - cached.At < AnswerCacheTime)
        {
            return cached.Reply;
        }

        var request = view.ToPacket();
        var (answer, cause) = _handle(request);
        _counters.OnIncomingAnswer(answer is RadiusCode.DisconnectAck or RadiusCode.CoaAck);
        var response = request.CreateResponse(answer);
        if (cause is { } errorCause)
        {
            response.AddUInt32(RadiusAttributeType.ErrorCause, (uint)errorCause);
        }

        response.AddMessageAuthenticator();
        var reply = RadiusPacketCodec.Encode(response, _secret, request.Authenticator.Span);
        foreach (var old in _answered.Where(e => now - e.Value.At >= AnswerCacheTime).Select(e => e.Key).ToList())
        {
            _answered.TryRemove(old, out _);
        }

        _answered[key] = (reply, now);
        return reply;
    }
}
