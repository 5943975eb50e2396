using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Tests.Hotspot.Support;

/// <summary>
/// A RADIUS server on loopback that records every datagram the simulated router sends and answers as a test says:
/// by default Access-Accept with Session-Timeout 3600 and Accounting-Response, both correctly signed.
/// </summary>
public sealed class ScriptedRadiusServer : IAsyncDisposable
{
    public const string Secret = "router-secret";

    private readonly Socket _auth;
    private readonly Socket _acct;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task[] _loops;
    private readonly ConcurrentQueue<ReceivedRequest> _received = new();

    public ScriptedRadiusServer()
    {
        _auth = Bind();
        _acct = Bind();
        _loops = [Task.Run(() => LoopAsync(_auth)), Task.Run(() => LoopAsync(_acct))];
    }

    public IPEndPoint AuthEndPoint => (IPEndPoint)_auth.LocalEndPoint!;

    public IPEndPoint AcctEndPoint => (IPEndPoint)_acct.LocalEndPoint!;

    /// <summary>The reply to an Access-Request (null: no answer). Default: Accept with Session-Timeout 3600.</summary>
    public Func<RadiusPacket, RadiusPacket?> OnAccess { get; set; } = request =>
        request.CreateResponse(RadiusCode.AccessAccept).AddUInt32(RadiusAttributeType.SessionTimeout, 3600);

    /// <summary>Whether to answer an Accounting-Request. Default: always.</summary>
    public Func<RadiusPacket, bool> OnAccounting { get; set; } = _ => true;

    /// <summary>Sign Access replies with a Message-Authenticator (RouterOS 7.15+ requires one).</summary>
    public bool SignAccessReplies { get; set; } = true;

    /// <summary>The secret replies are signed with (a wrong one makes them bad replies).</summary>
    public string ReplySecret { get; set; } = Secret;

    public IReadOnlyList<ReceivedRequest> Received => [.. _received];

    public IReadOnlyList<RadiusPacket> Accounting(AcctStatusType status) =>
        Received.Where(r => r.Packet.Code == RadiusCode.AccountingRequest && r.Packet.GetUInt32(RadiusAttributeType.AcctStatusType) == (uint)status)
            .Select(r => r.Packet).ToList();

    public async Task<ReceivedRequest> WaitForAsync(Func<ReceivedRequest, bool> predicate, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var found = _received.FirstOrDefault(predicate);
            if (found is not null)
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The scripted server never received {what}.");
            }

            await Task.Delay(10);
        }
    }

    public Task<ReceivedRequest> WaitForAccountingAsync(AcctStatusType status, string? acctSessionId = null) =>
        WaitForAsync(
            r => r.Packet.Code == RadiusCode.AccountingRequest
                && r.Packet.GetUInt32(RadiusAttributeType.AcctStatusType) == (uint)status
                && (acctSessionId is null || r.Packet.GetString(RadiusAttributeType.AcctSessionId) == acctSessionId),
            $"an Accounting {status}");

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _auth.Dispose();
        _acct.Dispose();
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private async Task LoopAsync(Socket socket)
    {
        var buffer = new byte[4096];
        var secret = Encoding.UTF8.GetBytes(Secret);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var request = RadiusPacketCodec.Parse(datagram, secret);
            var source = (IPEndPoint)received.RemoteEndPoint;
            _received.Enqueue(new ReceivedRequest(request, source, datagram));
            var reply = request.Code == RadiusCode.AccessRequest
                ? OnAccess(request)
                : OnAccounting(request) ? request.CreateResponse(RadiusCode.AccountingResponse) : null;
            if (reply is null)
            {
                continue;
            }

            if (reply.Code.IsAccessResponse() && SignAccessReplies)
            {
                reply.AddMessageAuthenticator();
            }

            var bytes = RadiusPacketCodec.Encode(reply, Encoding.UTF8.GetBytes(ReplySecret), request.Authenticator.Span);
            await socket.SendToAsync(bytes, SocketFlags.None, source);
        }
    }
}
