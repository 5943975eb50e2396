using System.Net;
using System.Net.Sockets;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// One request/reply exchange the way RouterOS does it (mikrotik.md §3.2): a new UDP socket (so a new source port) per
/// request, the same octets — Identifier, authenticator, Acct-Delay-Time — retransmitted every timeout, and a reply
/// accepted only from the server's address and port with the Identifier, a valid Response Authenticator and, for
/// Access replies when required, a valid Message-Authenticator. Anything else counts as a bad reply and the wait goes on.
/// </summary>
internal sealed class RadiusExchange(HotspotSimulatorOptions options, HotspotCounters counters)
{
    private readonly byte[] _secret = System.Text.Encoding.UTF8.GetBytes(options.Secret);

    public byte[] Secret => _secret;

    /// <summary>The validated reply, or null after every retransmission went unanswered.</summary>
    public async Task<RadiusPacket?> SendAsync(RadiusPacket request, IPEndPoint server, CancellationToken cancellationToken)
    {
        var bytes = RadiusPacketCodec.Encode(request, _secret);
        var requestAuthenticator = bytes.AsMemory(4, RadiusPacketCodec.AuthenticatorLength);
        using var socket = new Socket(options.LocalAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(options.LocalAddress, 0));
        var buffer = new byte[RadiusPacketCodec.MaxPacketLength];
        counters.OnRequest();
        for (var attempt = 0; attempt <= options.RadiusRetries; attempt++)
        {
            if (attempt > 0)
            {
                counters.OnResend();
            }

            await socket.SendToAsync(bytes, SocketFlags.None, server, cancellationToken).ConfigureAwait(false);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(options.RadiusTimeout);
            try
            {
                while (true)
                {
                    var received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), wait.Token).ConfigureAwait(false);
                    var reply = Validate(request, buffer.AsSpan(0, received.ReceivedBytes), (IPEndPoint)received.RemoteEndPoint, server, requestAuthenticator.Span);
                    if (reply is not null)
                    {
                        return reply;
                    }

                    counters.OnBadReply();
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out: retransmit the same octets.
            }
            catch (SocketException)
            {
                // ICMP port unreachable and the like: treated as no answer, like a router does.
                await Task.Delay(options.RadiusTimeout, cancellationToken).ConfigureAwait(false);
            }
        }

        counters.OnTimeout();
        return null;
    }

    private RadiusPacket? Validate(RadiusPacket request, ReadOnlySpan<byte> datagram, IPEndPoint source, IPEndPoint server, ReadOnlySpan<byte> requestAuthenticator)
    {
        var from = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        if (!from.Equals(server.Address) || source.Port != server.Port)
        {
            return null;
        }

        return RouterOsReplyCheck.IsValidReply(
            request.Code, request.Identifier, requestAuthenticator, datagram, _secret, options.RequireMessageAuthenticator, out var reply)
            ? reply.ToPacket()
            : null;
    }
}
