using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;
using WifiBilling.Radius.Tests.Server;
using WifiBilling.Radius.Tests.Support;
using static WifiBilling.Radius.Tests.Support.RadiusTestVectors;

namespace WifiBilling.Radius.Tests.Protocol;

/// <summary>
/// 100,000 random and mutated datagrams (fixed seeds) against the codec and against the running server: the codec
/// throws nothing but its own exceptions, and the server keeps answering valid requests.
/// </summary>
public sealed class RandomizedPacketTests
{
    private const int Count = 100_000;

    private static readonly byte[][] Seeds =
    [
        Bytes(Rfc2865AccessRequest), Bytes(Rfc2865AccessAccept), Bytes(Rfc2865ChapRequest), Bytes(Rfc2865AccessChallenge),
        Bytes(Rfc5997StatusServerAuth), Bytes(Rfc5997StatusServerAcct), Bytes(RadclientPapRequest), Bytes(RadclientChapChallengeRequest),
        Bytes(RadclientLongPasswordRequest), Bytes(RadclientAccountingStart), Bytes(RadclientDisconnectRequest), Bytes(RadclientCoaRequest),
    ];

    [Fact]
    public void Codec_RandomAndMutatedPackets_ThrowOnlyRadiusPacketException()
    {
        var random = new Random(20261126);
        var requestAuthenticator = new byte[16];
        var outcomes = new int[2];
        for (var i = 0; i < Count; i++)
        {
            var datagram = Mutate(random);
            random.NextBytes(requestAuthenticator);
            try
            {
                var view = RadiusPacketCodec.Read(datagram);
                RadiusPacketCodec.TryVerify(view, RfcSecretBytes, requestAuthenticator);
                var packet = view.ToPacket();
                Exercise(packet);
                outcomes[0]++;
            }
            catch (RadiusPacketException)
            {
                outcomes[1]++;
            }
        }

        outcomes[0].Should().BeGreaterThan(Count / 20, "a fair share of the mutations stay structurally valid and are fully decoded");
        outcomes[1].Should().BeGreaterThan(Count / 20);
    }

    [Fact]
    public async Task Server_RandomAndMutatedPackets_NeverStopItAnswering()
    {
        await using var host = await RadiusServerHost.StartAsync();
        using var flood = new UdpProbe();
        using var check = new UdpProbe();
        var random = new Random(424242);
        var sent = 0;
        for (var batch = 0; batch < Count / 1000; batch++)
        {
            for (var i = 0; i < 1000; i++)
            {
                var datagram = Mutate(random);
                await flood.SendAsync(datagram, random.Next(2) == 0 ? host.AuthEndPoint : host.AcctEndPoint);
                sent++;
                if (sent % 200 == 0)
                {
                    // Pace the flood so the kernel's socket buffer (not the server) is not what drops datagrams.
                    await WaitForReceiverAsync(host, sent);
                }
            }

            // A valid request after every thousand proves the server still answers; like a NAS, retransmit it if lost.
            var request = RadiusServerBehaviourTests.PapRequest("alice", "wonderland", (byte)batch);
            byte[]? reply = null;
            for (var attempt = 0; attempt < 3 && reply is null; attempt++)
            {
                reply = await check.ExchangeAsync(request, host.AuthEndPoint, TimeSpan.FromSeconds(5));
            }

            reply.Should().NotBeNull($"the server answers after {sent} random datagrams");
        }

        sent.Should().Be(Count);
        host.Server.Counters.Received.Should().BeGreaterThan(Count * 9 / 10, "nearly every datagram reached the server (the kernel may drop a few)");
        host.Server.Counters.GetDropped(RadiusDropReason.Malformed).Should().BeGreaterThan(0);
        host.Logs.Entries.Should().NotContain(e => e.Message.Contains("processing a datagram failed", StringComparison.Ordinal));
        var status = RadiusPacketCodec.Encode(new RadiusPacket(RadiusCode.StatusServer, 1).AddMessageAuthenticator(), System.Text.Encoding.UTF8.GetBytes(RadiusServerHost.Secret));
        (await check.ExchangeAsync(status, host.AcctEndPoint)).Should().NotBeNull();
    }

    private static async Task WaitForReceiverAsync(RadiusServerHost host, int sent)
    {
        var last = -1L;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            var received = host.Server.Counters.Received;
            if (received >= sent || received == last)
            {
                return;
            }

            last = received;
            await Task.Delay(20);
        }
    }

    /// <summary>Random bytes, or a valid packet with flipped bytes, truncation, a bad Length field or a bad (VSA) attribute length.</summary>
    private static byte[] Mutate(Random random)
    {
        var kind = random.Next(7);
        if (kind == 0)
        {
            var noise = new byte[random.Next(0, 300)];
            random.NextBytes(noise);
            if (noise.Length >= 4 && random.Next(2) == 0)
            {
                // Make the Length field plausible so that the attribute walk gets exercised.
                noise[2] = (byte)(noise.Length >> 8);
                noise[3] = (byte)noise.Length;
            }

            return noise;
        }

        var packet = (byte[])Seeds[random.Next(Seeds.Length)].Clone();
        switch (kind)
        {
            case 1:
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    packet[random.Next(packet.Length)] ^= (byte)random.Next(1, 256);
                }

                return packet;
            case 2:
                return packet[..random.Next(packet.Length)];
            case 3:
                var length = random.Next(0, 5000);
                packet[2] = (byte)(length >> 8);
                packet[3] = (byte)length;
                return packet;
            case 4:
                var offsets = AttributeOffsets(packet);
                packet[offsets[random.Next(offsets.Count)] + 1] = (byte)random.Next(256);
                return packet;
            case 5:
                // Pack a VSA with a broken sub-attribute length, or an empty one.
                byte[] vsa = [26, 12, 0, 0, 0x3a, 0x8c, 8, (byte)random.Next(0, 12), 0x31, 0x4d, 0x2f, 0x32];
                var grown = packet.Concat(vsa).ToArray();
                grown[2] = (byte)(grown.Length >> 8);
                grown[3] = (byte)grown.Length;
                return grown;
            default:
                packet[0] = (byte)random.Next(256);
                return packet;
        }
    }

    private static List<int> AttributeOffsets(byte[] packet)
    {
        var offsets = new List<int>();
        for (var offset = 20; offset + 1 < packet.Length && packet[offset + 1] >= 2; offset += packet[offset + 1])
        {
            offsets.Add(offset);
        }

        return offsets.Count > 0 ? offsets : [18];
    }

    /// <summary>Runs every typed accessor; malformed values must surface as the codec's exception only.</summary>
    private static void Exercise(RadiusPacket packet)
    {
        foreach (var attribute in packet.Attributes)
        {
            _ = attribute.AsString();
            TryDecode(() => attribute.AsUInt32());
            TryDecode(() => attribute.AsUInt64());
            TryDecode(() => attribute.AsIPAddress());
            TryDecode(() => attribute.AsDate());
            TryDecode(() => attribute.AsIPv6Prefix());
            _ = WifiBilling.Radius.Dictionary.RadiusDictionary.Default.Format(attribute);
        }

        if (packet.TryGet(RadiusAttributeType.UserPassword, out var password))
        {
            TryDecode(() => RadiusPassword.Recover(password.Value.Span, RfcSecretBytes, packet.Authenticator.Span));
        }

        Chap.VerifyRequest(packet, "password"u8);
    }

    private static void TryDecode(Func<object> decode)
    {
        try
        {
            decode();
        }
        catch (RadiusPacketException)
        {
        }
    }
}
