using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Radius.Diagnostics;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;
using WifiBilling.Radius.Tests.Support;

namespace WifiBilling.Radius.Tests.Server;

/// <summary>Server behaviour driven from C# over real UDP sockets on loopback.</summary>
public sealed class RadiusServerBehaviourTests
{
    private static readonly byte[] Secret = System.Text.Encoding.UTF8.GetBytes(RadiusServerHost.Secret);

    [Fact]
    public async Task Retransmit_GetsTheIdenticalCachedReply_AndTheHandlerRunsOnce()
    {
        await using var host = await RadiusServerHost.StartAsync();
        using var probe = new UdpProbe();
        var request = PapRequest("alice", "wonderland", identifier: 41);

        var first = await probe.ExchangeAsync(request, host.AuthEndPoint);
        var second = await probe.ExchangeAsync(request, host.AuthEndPoint);

        first.Should().NotBeNull();
        second.Should().Equal(first);
        host.Access.Calls("alice").Should().Be(1);
        host.Server.Counters.RetransmitsAnswered.Should().Be(1);
    }

    [Fact]
    public async Task Stopping_WakesTheReceivingThreads_WithoutAnErrorOrAMalformedDrop()
    {
        var host = await RadiusServerHost.StartAsync(settings: new Dictionary<string, string?> { ["Radius:ReceiveLoops"] = "3" });
        using (var probe = new UdpProbe())
        {
            (await probe.ExchangeAsync(PapRequest("alice", "wonderland", identifier: 3), host.AuthEndPoint)).Should().NotBeNull();
        }

        await host.DisposeAsync();

        // Linux wakes a receive blocked on a socket shut down for reading with an empty read and no sender address.
        host.Logs.Entries.Should().NotContain(e => e.Level >= LogLevel.Error);
        host.Server.Counters.GetDropped(RadiusDropReason.Malformed).Should().Be(0);
    }

    [Fact]
    public async Task RetransmitWhileTheFirstIsStillHandled_IsDropped_AndOnlyOneReplyIsSent()
    {
        await using var host = await RadiusServerHost.StartAsync();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Access.Gates["gated"] = gate;
        host.Access.Passwords["gated"] = "gated";
        using var probe = new UdpProbe();
        var request = PapRequest("gated", "gated", identifier: 7);

        await probe.SendAsync(request, host.AuthEndPoint);
        await Poll.UntilAsync(() => host.Access.Calls("gated") == 1, "the handler has started");
        await probe.SendAsync(request, host.AuthEndPoint);
        await Poll.UntilAsync(() => host.Server.Counters.GetDropped(RadiusDropReason.DuplicateInProgress) == 1, "the retransmit was dropped");
        gate.SetResult();

        (await probe.ReceiveAsync(TimeSpan.FromSeconds(10))).Should().NotBeNull();
        (await probe.ReceiveAsync(TimeSpan.FromMilliseconds(500))).Should().BeNull("the in-progress retransmit gets no second reply");
        host.Access.Calls("gated").Should().Be(1);
    }

    [Fact]
    public async Task SlowHandler_DoesNotHoldUpOtherRequests()
    {
        await using var host = await RadiusServerHost.StartAsync(settings: new Dictionary<string, string?> { ["Radius:Workers"] = "1" });
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Access.Gates["slowpoke"] = gate;
        using var slow = new UdpProbe();
        using var fast = new UdpProbe();

        await slow.SendAsync(PapRequest("slowpoke", "x", identifier: 1), host.AuthEndPoint);
        await Poll.UntilAsync(() => host.Access.Calls("slowpoke") == 1, "the slow handler is running");
        var reply = await fast.ExchangeAsync(PapRequest("alice", "wonderland", identifier: 2), host.AuthEndPoint);

        reply.Should().NotBeNull("one worker still serves other requests while a handler awaits");
        RadiusPacketCodec.Read(reply).Code.Should().Be(RadiusCode.AccessAccept);
        gate.SetResult();
        (await slow.ReceiveAsync(TimeSpan.FromSeconds(10))).Should().NotBeNull();
    }

    [Fact]
    public async Task EveryAccessReply_CarriesAValidMessageAuthenticator_AndProxyStateInOrder()
    {
        await using var host = await RadiusServerHost.StartAsync();
        using var probe = new UdpProbe();
        foreach (var (user, password, code) in new[] { ("alice", "wonderland", RadiusCode.AccessAccept), ("alice", "nope", RadiusCode.AccessReject) })
        {
            var request = new RadiusPacket(RadiusCode.AccessRequest, 9)
                .AddString(RadiusAttributeType.UserName, user)
                .AddOctets(RadiusAttributeType.ProxyState, [1, 2, 3])
                .AddOctets(RadiusAttributeType.ProxyState, [9]);
            request.Insert(1, new RadiusAttribute(RadiusAttributeType.UserPassword, RadiusPassword.Hide(password, Secret, request.Authenticator.Span)));

            var reply = await probe.ExchangeAsync(RadiusPacketCodec.Encode(request, Secret), host.AuthEndPoint);

            var parsed = RadiusPacketCodec.Parse(reply, Secret, request.Authenticator.Span, requireMessageAuthenticator: true);
            parsed.Code.Should().Be(code);
            parsed.Attributes[0].Type.Should().Be(RadiusAttributeType.MessageAuthenticator, "BlastRADIUS advice: first");
            parsed.Attributes.TakeLast(2).Select(a => a.AsOctets()).Should().BeEquivalentTo(new[] { new byte[] { 1, 2, 3 }, [9] }, o => o.WithStrictOrdering());
        }
    }

    [Fact]
    public async Task NasIdentifierClient_WithoutMessageAuthenticator_IsDropped_AndWithOneIsAnswered()
    {
        await using var host = await RadiusServerHost.StartAsync(registry =>
            registry.AddNasIdentifier("hs-behind-nat", new RadiusClient("behind NAT", RadiusServerHost.Secret)));
        using var probe = new UdpProbe();

        var without = PapRequest("alice", "wonderland", identifier: 1, nasIdentifier: "hs-behind-nat");
        (await probe.ExchangeAsync(without, host.AuthEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull();
        host.Server.Counters.GetDropped(RadiusDropReason.MissingMessageAuthenticator).Should().Be(1);

        var with = PapRequest("alice", "wonderland", identifier: 2, nasIdentifier: "hs-behind-nat", messageAuthenticator: true);
        var reply = await probe.ExchangeAsync(with, host.AuthEndPoint);
        reply.Should().NotBeNull();
        RadiusPacketCodec.Read(reply).Code.Should().Be(RadiusCode.AccessAccept);

        var unknown = PapRequest("alice", "wonderland", identifier: 3, nasIdentifier: "someone-else", messageAuthenticator: true);
        (await probe.ExchangeAsync(unknown, host.AuthEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull();
        host.Server.Counters.GetDropped(RadiusDropReason.UnknownClient).Should().Be(1);
    }

    [Fact]
    public async Task NasIdentifierClient_AccountingWithoutMessageAuthenticator_IsAnswered()
    {
        await using var host = await RadiusServerHost.StartAsync(registry =>
            registry.AddNasIdentifier("hs-behind-nat", new RadiusClient("behind NAT", RadiusServerHost.Secret)));
        using var probe = new UdpProbe();
        var request = new RadiusPacket(RadiusCode.AccountingRequest, 5)
            .AddUInt32(RadiusAttributeType.AcctStatusType, (uint)AcctStatusType.Start)
            .AddString(RadiusAttributeType.AcctSessionId, "80100015")
            .AddString(RadiusAttributeType.NasIdentifier, "hs-behind-nat");

        var reply = await probe.ExchangeAsync(RadiusPacketCodec.Encode(request, Secret), host.AcctEndPoint);

        RadiusPacketCodec.Read(reply).Code.Should().Be(RadiusCode.AccountingResponse);
        host.Accounting.Recorded.Should().ContainSingle().Which.IdentifiedByNasIdentifier.Should().BeTrue();
    }

    [Fact]
    public async Task ClientRequiringMessageAuthenticator_DropsAccessRequestsWithoutOne()
    {
        await using var host = await RadiusServerHost.StartAsync(registry =>
            registry.Add(IPAddress.Loopback, new RadiusClient("ros-7.16", RadiusServerHost.Secret) { RequireMessageAuthenticator = true }));
        using var probe = new UdpProbe();

        (await probe.ExchangeAsync(PapRequest("alice", "wonderland", 1), host.AuthEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull();
        (await probe.ExchangeAsync(PapRequest("alice", "wonderland", 2, messageAuthenticator: true), host.AuthEndPoint)).Should().NotBeNull();
        host.Server.Counters.GetDropped(RadiusDropReason.MissingMessageAuthenticator).Should().Be(1);
    }

    [Fact]
    public async Task ClientRequiringMessageAuthenticator_StillRecordsAccountingWithoutOne()
    {
        // RouterOS 7.15+ requires Message-Authenticator on Access replies but sends none in Accounting-Requests.
        await using var host = await RadiusServerHost.StartAsync(registry =>
            registry.Add(IPAddress.Loopback, new RadiusClient("ros-7.16", RadiusServerHost.Secret) { RequireMessageAuthenticator = true }));
        using var probe = new UdpProbe();
        var request = RadiusPacketCodec.Encode(new RadiusPacket(RadiusCode.AccountingRequest, 21)
            .AddUInt32(RadiusAttributeType.AcctStatusType, (uint)AcctStatusType.Start)
            .AddString(RadiusAttributeType.AcctSessionId, "80100014"), Secret);

        var reply = await probe.ExchangeAsync(request, host.AcctEndPoint);

        RadiusPacketCodec.Parse(reply, Secret, request.AsSpan(4, 16)).Code.Should().Be(RadiusCode.AccountingResponse);
        host.Server.Counters.GetDropped(RadiusDropReason.MissingMessageAuthenticator).Should().Be(0);
    }

    [Fact]
    public async Task AccountingNotDurable_GetsNoResponse_AndTheRetransmitIsRecorded()
    {
        await using var host = await RadiusServerHost.StartAsync();
        using var probe = new UdpProbe();
        var request = RadiusPacketCodec.Encode(new RadiusPacket(RadiusCode.AccountingRequest, 12)
            .AddUInt32(RadiusAttributeType.AcctStatusType, (uint)AcctStatusType.Start)
            .AddString(RadiusAttributeType.AcctSessionId, "fail-once"), Secret);

        (await probe.ExchangeAsync(request, host.AcctEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull("the record is not durable yet");
        var reply = await probe.ExchangeAsync(request, host.AcctEndPoint);

        RadiusPacketCodec.Parse(reply, Secret, request.AsSpan(4, 16)).Code.Should().Be(RadiusCode.AccountingResponse);
        host.Accounting.Attempts("fail-once").Should().Be(2);
        host.Accounting.Recorded.Should().ContainSingle();
    }

    [Fact]
    public async Task HandlerThatThrows_SendsNothing_AndTheRetransmitIsHandledAgain()
    {
        await using var host = await RadiusServerHost.StartAsync();
        host.Access.ThrowOnce["alice"] = true;
        using var probe = new UdpProbe();
        var request = PapRequest("alice", "wonderland", 77);

        (await probe.ExchangeAsync(request, host.AuthEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull();
        (await probe.ExchangeAsync(request, host.AuthEndPoint)).Should().NotBeNull();

        host.Access.Calls("alice").Should().Be(2);
        host.Logs.Entries.Should().Contain(e => e.Level == LogLevel.Error && e.Message.Contains("handler failed", StringComparison.Ordinal));
        host.Logs.Entries.Should().NotContain(e => e.Message.Contains("wonderland", StringComparison.Ordinal), "passwords never reach a log");
    }

    [Fact]
    public async Task HandlerReturningNull_SendsNothing()
    {
        await using var host = await RadiusServerHost.StartAsync();
        host.Access.Silent["mute"] = true;
        using var probe = new UdpProbe();

        (await probe.ExchangeAsync(PapRequest("mute", "x", 1), host.AuthEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull();
        host.Server.Counters.NoReply.Should().Be(1);
    }

    [Fact]
    public async Task UnknownClient_IsDroppedSilently_CountedAndWarnedAboutOnlyOnceInAnInterval()
    {
        await using var host = await RadiusServerHost.StartAsync(
            registry => registry.Add(IPAddress.Parse("192.0.2.10"), new RadiusClient("elsewhere", "s")),
            new Dictionary<string, string?> { ["Radius:DropLogInterval"] = "00:10:00" });
        using var probe = new UdpProbe();

        for (var i = 0; i < 20; i++)
        {
            await probe.SendAsync(PapRequest("alice", "wonderland", (byte)i), host.AuthEndPoint);
        }

        await Poll.UntilAsync(() => host.Server.Counters.GetDropped(RadiusDropReason.UnknownClient) == 20, "all 20 were dropped");
        (await probe.ReceiveAsync(TimeSpan.FromMilliseconds(300))).Should().BeNull();
        host.Logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Message.Contains("unknown client", StringComparison.Ordinal))
            .Should().Be(1, "the warning is rate-limited");
        host.Access.Calls("alice").Should().Be(0);
    }

    [Fact]
    public async Task CodeNotServedOnThePort_IsDropped()
    {
        await using var host = await RadiusServerHost.StartAsync();
        using var probe = new UdpProbe();

        (await probe.ExchangeAsync(PapRequest("alice", "wonderland", 1), host.AcctEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull();
        host.Server.Counters.GetDropped(RadiusDropReason.UnexpectedCode).Should().Be(1);
    }

    [Fact]
    public async Task CachedReply_ExpiresAfterTheDuplicateWindow()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await RadiusServerHost.StartAsync(timeProvider: time);
        using var probe = new UdpProbe();
        var request = PapRequest("alice", "wonderland", 200);

        (await probe.ExchangeAsync(request, host.AuthEndPoint)).Should().NotBeNull();
        time.Advance(TimeSpan.FromSeconds(5));
        (await probe.ExchangeAsync(request, host.AuthEndPoint)).Should().NotBeNull();
        host.Access.Calls("alice").Should().Be(1, "within 10 s it is a retransmit");
        time.Advance(TimeSpan.FromSeconds(11));
        (await probe.ExchangeAsync(request, host.AuthEndPoint)).Should().NotBeNull();

        host.Access.Calls("alice").Should().Be(2, "after the window the same bytes are a new request");
    }

    [Fact]
    public async Task StatusServer_FromCSharp_IsAnsweredOnBothPortsWithTheRfc5997Codes()
    {
        await using var host = await RadiusServerHost.StartAsync();
        using var probe = new UdpProbe();
        var status = new RadiusPacket(RadiusCode.StatusServer, 218).AddMessageAuthenticator();
        var bytes = RadiusPacketCodec.Encode(status, Secret);

        var auth = await probe.ExchangeAsync(bytes, host.AuthEndPoint);
        var acct = await probe.ExchangeAsync(bytes, host.AcctEndPoint);

        RadiusPacketCodec.Parse(auth, Secret, status.Authenticator.Span).Code.Should().Be(RadiusCode.AccessAccept);
        RadiusPacketCodec.Parse(acct, Secret, status.Authenticator.Span).Code.Should().Be(RadiusCode.AccountingResponse);

        var unsigned = RadiusPacketCodec.Encode(new RadiusPacket(RadiusCode.StatusServer, 219), Secret);
        (await probe.ExchangeAsync(unsigned, host.AuthEndPoint, TimeSpan.FromSeconds(1))).Should().BeNull("RFC 5997 requires a Message-Authenticator");
    }

    [Fact]
    public async Task Metrics_CountResultsAndAuthLatency()
    {
        await using var host = await RadiusServerHost.StartAsync();
        var meter = host.Services.GetRequiredService<RadiusMetrics>().Meter;
        var results = new List<string>();
        var durations = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, _, tags, _) =>
        {
            lock (results)
            {
                results.Add(instrument.Name + ":" + string.Join(",", tags.ToArray().Select(t => $"{t.Key}={t.Value}")));
            }
        });
        listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref durations));
        listener.Start();
        using var probe = new UdpProbe();

        await probe.ExchangeAsync(PapRequest("alice", "wonderland", 1), host.AuthEndPoint);
        await probe.ExchangeAsync(PapRequest("alice", "bad", 2), host.AuthEndPoint);
        await Poll.UntilAsync(() => { lock (results) { return results.Count >= 2; } }, "two measurements");

        lock (results)
        {
            results.Should().Contain("radius.server.requests:radius.code=Access-Request,radius.result=accepted");
            results.Should().Contain("radius.server.requests:radius.code=Access-Request,radius.result=rejected");
        }

        durations.Should().BeGreaterThanOrEqualTo(2);
        RadiusMetrics.MeterName.Should().Be("WifiBilling.Radius");
    }

    internal static byte[] PapRequest(string user, string password, byte identifier, string? nasIdentifier = null, bool messageAuthenticator = false)
    {
        var authenticator = RandomNumberGenerator.GetBytes(16);
        var packet = new RadiusPacket(RadiusCode.AccessRequest, identifier, authenticator)
            .AddString(RadiusAttributeType.UserName, user)
            .Add(new RadiusAttribute(RadiusAttributeType.UserPassword, RadiusPassword.Hide(password, Secret, authenticator)));
        if (nasIdentifier is not null)
        {
            packet.AddString(RadiusAttributeType.NasIdentifier, nasIdentifier);
        }

        if (messageAuthenticator)
        {
            packet.AddMessageAuthenticator();
        }

        return RadiusPacketCodec.Encode(packet, Secret);
    }
}
