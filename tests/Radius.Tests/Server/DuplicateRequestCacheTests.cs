using System.Buffers.Binary;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Tests.Server;

/// <summary>
/// RFC 5080 §2.2.2 duplicate detection's bookkeeping: a reply is resent, octet for octet, for a retransmit within its
/// lifetime; expired replies are swept without touching younger ones; a handler that never finished stops blocking its
/// retransmits after the in-progress limit; and the cache gives its memory back after a burst and allocates nothing
/// at a steady rate (its replies must not die as old objects: docs/benchmarks.md, latency).
/// </summary>
public sealed class DuplicateRequestCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan InProgressLimit = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));
    private readonly byte[] _buffer = new byte[RadiusPacketCodec.MaxPacketLength];

    [Fact]
    public void ARetransmit_GetsTheCachedReply_UntilItsLifetimeEnds()
    {
        var cache = NewCache();
        var key = Key(1);
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.InProgress, "the first copy is still being handled");
        cache.Complete(key, [2, 1, 0, 20]);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        CachedReply(cache, key).Should().Equal(2, 1, 0, 20);

        _clock.Advance(TimeSpan.FromSeconds(2));
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New, "after its lifetime the same octets are a new request");
    }

    [Fact]
    public void ADeliberatelyUnansweredRequest_KeepsDroppingItsRetransmits_UntilItsLifetimeEnds()
    {
        var cache = NewCache();
        var key = Key(3);
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);
        cache.CompleteUnanswered(key);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        cache.Begin(key, _buffer, out var length).Should().Be(DuplicateRequestStatus.InProgress);
        length.Should().Be(0);

        _clock.Advance(TimeSpan.FromSeconds(2));
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);
    }

    [Fact]
    public void TheSweep_RemovesExpiredReplies_AndKeepsYoungerOnes()
    {
        var cache = NewCache();
        for (byte id = 0; id < 100; id++)
        {
            cache.Begin(Key(id), _buffer, out _);
            cache.Complete(Key(id), [id]);
        }

        _clock.Advance(TimeSpan.FromSeconds(6));
        for (byte id = 100; id < 150; id++)
        {
            cache.Begin(Key(id), _buffer, out _);
            cache.Complete(Key(id), [id]);
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        cache.Begin(Key(200), _buffer, out _).Should().Be(DuplicateRequestStatus.New);

        cache.Count.Should().Be(51, "the first hundred expired; the fifty younger replies and the new request remain");
        CachedReply(cache, Key(120)).Should().Equal(120);
    }

    [Fact]
    public void AQuietPort_StillLetsGoOfExpiredReplies()
    {
        var cache = NewCache();
        for (byte id = 0; id < 100; id++)
        {
            cache.Begin(Key(id), _buffer, out _);
            cache.Complete(Key(id), [id]);
        }

        cache.SweepIdle();
        cache.Count.Should().Be(100, "nothing has expired yet");

        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        cache.SweepIdle();

        cache.Count.Should().Be(0, "no request arrived after the burst, yet its replies are gone once expired");
    }

    [Fact]
    public void AnExpiredReplyReplacedBeforeTheSweep_IsANewRequest_AndTheSweepLeavesIt()
    {
        var cache = NewCache();
        var key = Key(7);
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);
        cache.Complete(key, [7]);

        // A sweep just before the reply expires, so the next one is not due when the same octets come back.
        _clock.Advance(Lifetime - TimeSpan.FromMilliseconds(100));
        cache.Begin(Key(8), _buffer, out _).Should().Be(DuplicateRequestStatus.New);
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New, "expired: a new request with the same octets");

        // This sweep must not remove the new, still running request.
        _clock.Advance(TimeSpan.FromSeconds(1));
        cache.Begin(Key(9), _buffer, out _).Should().Be(DuplicateRequestStatus.New);

        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.InProgress, "the new request is still in progress");
        cache.Complete(key, [7, 7]);
        CachedReply(cache, key).Should().Equal(7, 7);
    }

    [Fact]
    public void AForgottenRequest_IsHandledAfresh_AndItsLaterReplyIsCached()
    {
        var cache = NewCache();
        var key = Key(11);
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);
        cache.Forget(key);

        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New, "a forgotten request (accounting not durable) is handled again");
        cache.Complete(key, [11]);
        CachedReply(cache, key).Should().Equal(11);
    }

    [Fact]
    public void AHandlerThatNeverFinishes_StopsBlockingRetransmits_AfterTheInProgressLimit()
    {
        var cache = NewCache();
        var key = Key(9);
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);

        _clock.Advance(InProgressLimit + TimeSpan.FromSeconds(1));
        cache.Begin(Key(10), _buffer, out _);

        cache.Count.Should().Be(1, "the stale in-progress entry was swept");
        cache.Begin(key, _buffer, out _).Should().Be(DuplicateRequestStatus.New);
    }

    [Fact]
    public void ThousandsOfReplies_OfEverySize_AreResentOctetForOctet()
    {
        var cache = NewCache();
        const int requests = 5_000;
        for (var n = 0; n < requests; n++)
        {
            cache.Begin(Key(n), _buffer, out _).Should().Be(DuplicateRequestStatus.New);
            cache.Complete(Key(n), Reply(n));
            if (n % 1_000 == 0)
            {
                _clock.Advance(TimeSpan.FromMilliseconds(500)); // sweeps run in between, none has expired yet
            }
        }

        cache.Count.Should().Be(requests);
        for (var n = 0; n < requests; n++)
        {
            CachedReply(cache, Key(n)).Should().Equal(Reply(n), "request {0}'s reply", n);
        }
    }

    [Fact]
    public void AfterABurst_TheCacheGivesBackItsMemory()
    {
        var cache = NewCache();
        const int burst = 50_000;
        var reply = new byte[200];
        for (var n = 0; n < burst; n++)
        {
            cache.Begin(Key(n), _buffer, out _);
            cache.Complete(Key(n), reply);
        }

        var heldAtPeak = cache.ReplyBytesHeld;
        heldAtPeak.Should().BeGreaterThanOrEqualTo(burst * 200L, "every reply's octets are held");

        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        cache.SweepIdle();

        cache.Count.Should().Be(0);
        cache.ReplyBytesHeld.Should().BeLessThan(heldAtPeak / 10, "chunks beyond a few per shard go back to the GC");
        for (var n = 0; n < 100; n++)
        {
            cache.Begin(Key(n), _buffer, out _).Should().Be(DuplicateRequestStatus.New, "expired replies are not resent");
        }
    }

    [Fact]
    public void AtASteadyRate_BeginAndComplete_AllocateNothing()
    {
        var cache = NewCache();
        var keys = Enumerable.Range(0, 150_000).Select(Key).ToArray(); // a key comes back after 15 s: a new request
        var reply = Reply(120);

        // 1,000 requests per simulated 100 ms (10,000/s), each answered and retransmitted once.
        var next = 0;
        long RunFor(TimeSpan simulated)
        {
            var allocated = 0L;
            for (var tick = 0; tick < simulated / TimeSpan.FromMilliseconds(100); tick++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                for (var i = 0; i < 1_000; i++)
                {
                    var key = keys[next++ % keys.Length];
                    cache.Begin(key, _buffer, out _);
                    cache.Complete(key, reply);
                    cache.Begin(key, _buffer, out _);
                }

                allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                _clock.Advance(TimeSpan.FromMilliseconds(100));
            }

            return allocated;
        }

        RunFor(Lifetime * 3).Should().BePositive("tables, chunks and queues grow to their steady size");
        var allocated = RunFor(Lifetime * 2);

        // 200,000 requests. The previous cache allocated 231 bytes each here (entry, table node, queue slot), every
        // one dying after ten seconds in the oldest generation. What is left is an occasional 8 KB chunk when one
        // shard's second was busier than its free chunks cover; it joins the pool and stays.
        allocated.Should().BeLessThan(200_000, "less than one byte per request");
        cache.Count.Should().BeInRange(90_000, 110_000 + 1_000, "ten seconds of requests at 10,000/s");
    }

    [Fact]
    public async Task ManyThreads_EachGetTheirOwnReplies()
    {
        var cache = NewCache();
        const int threads = 4;
        const int perThread = 20_000;
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var buffer = new byte[RadiusPacketCodec.MaxPacketLength];
            for (var i = 0; i < perThread; i++)
            {
                var n = (t * perThread) + i;
                var key = Key(n);
                if (cache.Begin(key, buffer, out _) != DuplicateRequestStatus.New)
                {
                    Interlocked.Increment(ref failures);
                    continue;
                }

                var reply = Reply(n);
                cache.Complete(key, reply);
                if (cache.Begin(key, buffer, out var length) != DuplicateRequestStatus.Answered || !buffer.AsSpan(0, length).SequenceEqual(reply))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));

        failures.Should().Be(0);
        cache.Count.Should().Be(threads * perThread);
    }

    private DuplicateRequestCache NewCache() => new(_clock, Lifetime, InProgressLimit);

    private byte[] CachedReply(DuplicateRequestCache cache, DuplicateRequestKey key)
    {
        cache.Begin(key, _buffer, out var length).Should().Be(DuplicateRequestStatus.Answered);
        return _buffer[..length];
    }

    /// <summary>Sizes from 20 to 4,096 octets (a RADIUS packet's range), contents that differ per request.</summary>
    private static byte[] Reply(int n)
    {
        var reply = new byte[20 + ((n * 37) % (RadiusPacketCodec.MaxPacketLength - 19))];
        for (var i = 0; i < reply.Length; i++)
        {
            reply[i] = (byte)(n + (i * 7));
        }

        return reply;
    }

    private static DuplicateRequestKey Key(int n)
    {
        Span<byte> authenticator = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(authenticator, n);
        return DuplicateRequestKey.Create(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000 + (n % 7)), (byte)n, authenticator);
    }
}
