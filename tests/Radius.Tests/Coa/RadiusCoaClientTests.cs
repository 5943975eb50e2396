using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Diagnostics;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Tests.Coa;

/// <summary>The CoA client against a small UDP responder standing in for the router's /radius incoming.</summary>
public sealed class RadiusCoaClientTests : IDisposable
{
    private const string Secret = "router-coa-secret";
    private readonly RadiusMetrics _metrics = new();

    [Fact]
    public async Task Disconnect_Acked_ReturnsAck()
    {
        using var router = new CoaResponder(Secret, (request, _) => request.CreateResponse(RadiusCode.DisconnectAck));
        using var client = CreateClient();

        var result = await client.SendAsync(DisconnectFor(router) with { Port = router.Port });

        result.Outcome.Should().Be(CoaOutcome.Ack);
        result.IsAck.Should().BeTrue();
        result.Attempts.Should().Be(1);
        var received = router.Received.Should().ContainSingle().Subject;
        var parsed = RadiusPacketCodec.Parse(received, System.Text.Encoding.UTF8.GetBytes(Secret), requireMessageAuthenticator: true);
        parsed.Code.Should().Be(RadiusCode.DisconnectRequest);
        parsed.GetString(RadiusAttributeType.UserName).Should().Be("K7M2Q9DX");
        parsed.GetString(RadiusAttributeType.AcctSessionId).Should().Be("80100014");
        parsed.GetIPAddress(RadiusAttributeType.FramedIpAddress).Should().Be(IPAddress.Parse("10.5.88.2"));
    }

    [Fact]
    public async Task Coa_Naked_ReturnsNakWithTheErrorCause()
    {
        using var router = new CoaResponder(Secret, (request, _) => request.CreateResponse(RadiusCode.CoaNak)
            .AddUInt32(RadiusAttributeType.ErrorCause, (uint)ErrorCause.SessionContextNotFound));
        using var client = CreateClient();
        var request = CoaRequest.ChangeOfAuthorization(IPAddress.Loopback, Secret,
            RadiusAttribute.FromString(RadiusAttributeType.UserName, "K7M2Q9DX"),
            RadiusAttribute.FromUInt32(RadiusAttributeType.SessionTimeout, 600)) with { Port = router.Port };

        var result = await client.SendAsync(request);

        result.Outcome.Should().Be(CoaOutcome.Nak);
        result.ErrorCause.Should().Be(ErrorCause.SessionContextNotFound);
        result.Response!.Code.Should().Be(RadiusCode.CoaNak);
    }

    [Fact]
    public async Task NoAnswer_TimesOutAfterRetries_WithTheSameIdentifierAndAuthenticator()
    {
        using var router = new CoaResponder(Secret, (_, _) => null);
        using var client = CreateClient(timeout: TimeSpan.FromMilliseconds(100), retries: 2);

        var result = await client.SendAsync(DisconnectFor(router) with { Port = router.Port });

        result.Outcome.Should().Be(CoaOutcome.Timeout);
        result.Attempts.Should().Be(3);
        result.Response.Should().BeNull();
        await Support.Poll.UntilAsync(() => router.Received.Count == 3, "three attempts arrived");
        router.Received.Select(Convert.ToHexString).Distinct().Should().ContainSingle("a retransmission repeats the packet exactly (same Identifier and authenticator)");
    }

    [Fact]
    public async Task ReplyWithAWrongSecret_IsIgnored_AndTheRetransmissionsAnswerCounts()
    {
        var attempts = 0;
        using var router = new CoaResponder(Secret, (request, _) => request.CreateResponse(RadiusCode.DisconnectAck),
            secretForReply: () => Interlocked.Increment(ref attempts) == 1 ? "forged" : Secret);
        using var client = CreateClient(timeout: TimeSpan.FromMilliseconds(300), retries: 3);

        var result = await client.SendAsync(DisconnectFor(router) with { Port = router.Port });

        result.Outcome.Should().Be(CoaOutcome.Ack);
        result.Attempts.Should().Be(2, "the forged first reply was discarded");
    }

    [Fact]
    public async Task ConcurrentRequests_ToOneRouter_GetDistinctIdentifiers()
    {
        using var router = new CoaResponder(Secret, (request, _) => request.CreateResponse(RadiusCode.DisconnectAck));
        using var client = CreateClient();

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => client.SendAsync(DisconnectFor(router) with { Port = router.Port })));

        results.Should().OnlyContain(r => r.Outcome == CoaOutcome.Ack);
        router.Received.Select(b => b[1]).Distinct().Should().HaveCount(20);
    }

    [Fact]
    public void Request_OnlyDisconnectOrCoa()
    {
        FluentActions.Invoking(() => new CoaRequest(RadiusCode.AccessRequest, IPAddress.Loopback, new byte[] { 1 }, []))
            .Should().Throw<ArgumentException>();
    }

    public void Dispose() => _metrics.Dispose();

    private static CoaRequest DisconnectFor(CoaResponder router) => CoaRequest.Disconnect(IPAddress.Loopback, Secret,
        RadiusAttribute.FromString(RadiusAttributeType.UserName, "K7M2Q9DX"),
        RadiusAttribute.FromString(RadiusAttributeType.AcctSessionId, "80100014"),
        RadiusAttribute.FromIPAddress(RadiusAttributeType.FramedIpAddress, IPAddress.Parse("10.5.88.2")),
        RadiusAttribute.FromIPAddress(RadiusAttributeType.NasIpAddress, IPAddress.Loopback)) with { Port = router.Port };

    private RadiusCoaClient CreateClient(TimeSpan? timeout = null, int retries = 2) => new(
        Options.Create(new RadiusCoaClientOptions { Timeout = timeout ?? TimeSpan.FromSeconds(5), Retries = retries }),
        _metrics,
        NullLogger<RadiusCoaClient>.Instance);

    /// <summary>Answers each verified request with what <c>answer</c> returns (null: stay silent).</summary>
    private sealed class CoaResponder : IDisposable
    {
        private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
        private readonly CancellationTokenSource _stop = new();

        public CoaResponder(string secret, Func<RadiusPacket, int, RadiusPacket?> answer, Func<string>? secretForReply = null)
        {
            _ = Task.Run(async () =>
            {
                var secretBytes = System.Text.Encoding.UTF8.GetBytes(secret);
                var attempt = 0;
                while (!_stop.IsCancellationRequested)
                {
                    UdpReceiveResult datagram;
                    try
                    {
                        datagram = await _socket.ReceiveAsync(_stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    Received.Enqueue(datagram.Buffer);
                    var request = RadiusPacketCodec.Parse(datagram.Buffer, secretBytes);
                    var reply = answer(request, ++attempt);
                    if (reply is not null)
                    {
                        var replySecret = System.Text.Encoding.UTF8.GetBytes(secretForReply?.Invoke() ?? secret);
                        await _socket.SendAsync(RadiusPacketCodec.Encode(reply, replySecret, request.Authenticator.Span), datagram.RemoteEndPoint);
                    }
                }
            });
        }

        public ConcurrentQueue<byte[]> Received { get; } = new();

        public int Port => ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Dispose();
            _stop.Dispose();
        }
    }
}
