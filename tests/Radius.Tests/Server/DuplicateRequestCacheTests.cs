using System.Net;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Radius.Server;

namespace WifiBilling.Radius.Tests.Server;

/// <summary>
/// RFC 5080 §2.2.2 duplicate detection's bookkeeping: a reply is resent for a retransmit within its lifetime, expired
/// replies are swept from the front of the completion queue without touching younger ones, and a handler that never
/// finished stops blocking its retransmits after the in-progress limit.
/// </summary>
public sealed class DuplicateRequestCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan InProgressLimit = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void ARetransmit_GetsTheCachedReply_UntilItsLifetimeEnds()
    {
        var cache = new DuplicateRequestCache(_clock, Lifetime, InProgressLimit);
        var key = Key(1);
        cache.TryBegin(key, out _).Should().BeTrue();
        cache.TryBegin(key, out var inProgress).Should().BeFalse("the first copy is still being handled");
        inProgress.Should().BeNull();
        cache.Complete(key, [2, 1, 0, 20]);

        _clock.Advance(Lifetime - TimeSpan.FromSeconds(1));
        cache.TryBegin(key, out var cached).Should().BeFalse();
        cached.Should().Equal(2, 1, 0, 20);

        _clock.Advance(TimeSpan.FromSeconds(2));
        cache.TryBegin(key, out _).Should().BeTrue("after its lifetime the same octets are a new request");
    }

    [Fact]
    public void TheSweep_RemovesExpiredReplies_AndKeepsYoungerOnes()
    {
        var cache = new DuplicateRequestCache(_clock, Lifetime, InProgressLimit);
        for (byte id = 0; id < 100; id++)
        {
            cache.TryBegin(Key(id), out _);
            cache.Complete(Key(id), [id]);
        }

        _clock.Advance(TimeSpan.FromSeconds(6));
        for (byte id = 100; id < 150; id++)
        {
            cache.TryBegin(Key(id), out _);
            cache.Complete(Key(id), [id]);
        }

        _clock.Advance(TimeSpan.FromSeconds(5));
        cache.TryBegin(Key(200), out _).Should().BeTrue();

        cache.Count.Should().Be(51, "the first hundred expired; the fifty younger replies and the new request remain");
        cache.TryBegin(Key(120), out var younger).Should().BeFalse();
        younger.Should().Equal(120);
    }

    [Fact]
    public void AQuietPort_StillLetsGoOfExpiredReplies()
    {
        var cache = new DuplicateRequestCache(_clock, Lifetime, InProgressLimit);
        for (byte id = 0; id < 100; id++)
        {
            cache.TryBegin(Key(id), out _);
            cache.Complete(Key(id), [id]);
        }

        cache.SweepIdle();
        cache.Count.Should().Be(100, "nothing has expired yet");

        _clock.Advance(Lifetime + TimeSpan.FromSeconds(1));
        cache.SweepIdle();

        cache.Count.Should().Be(0, "no request arrived after the burst, yet its replies are gone once expired");
    }

    [Fact]
    public void AnExpiredReplyReplacedBeforeTheSweep_LeavesItsQueuedCopyHarmless()
    {
        var cache = new DuplicateRequestCache(_clock, Lifetime, InProgressLimit);
        var key = Key(7);
        cache.TryBegin(key, out _).Should().BeTrue();
        cache.Complete(key, [7]);

        // A sweep just before the reply expires, so the next one is not due when the same octets come back.
        _clock.Advance(Lifetime - TimeSpan.FromMilliseconds(100));
        cache.TryBegin(Key(8), out _).Should().BeTrue();
        _clock.Advance(TimeSpan.FromMilliseconds(200));
        cache.TryBegin(key, out _).Should().BeTrue("expired: a new request with the same octets");

        // This sweep dequeues the old reply of key 7; it must not remove the new, still running request.
        _clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryBegin(Key(9), out _).Should().BeTrue();

        cache.TryBegin(key, out var inProgress).Should().BeFalse("the new request is still in progress");
        inProgress.Should().BeNull();
    }

    [Fact]
    public void AForgottenRequest_IsHandledAfresh_AndItsLaterReplyIsCached()
    {
        var cache = new DuplicateRequestCache(_clock, Lifetime, InProgressLimit);
        var key = Key(11);
        cache.TryBegin(key, out _).Should().BeTrue();
        cache.Forget(key);

        cache.TryBegin(key, out _).Should().BeTrue("a forgotten request (accounting not durable) is handled again");
        cache.Complete(key, [11]);
        cache.TryBegin(key, out var cached).Should().BeFalse();
        cached.Should().Equal(11);
    }

    [Fact]
    public void AHandlerThatNeverFinishes_StopsBlockingRetransmits_AfterTheInProgressLimit()
    {
        var cache = new DuplicateRequestCache(_clock, Lifetime, InProgressLimit);
        var key = Key(9);
        cache.TryBegin(key, out _).Should().BeTrue();

        _clock.Advance(InProgressLimit + TimeSpan.FromSeconds(1));
        cache.TryBegin(Key(10), out _);

        cache.Count.Should().Be(1, "the stale in-progress entry was swept");
        cache.TryBegin(key, out _).Should().BeTrue();
    }

    private static DuplicateRequestKey Key(byte identifier) =>
        DuplicateRequestKey.Create(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000), identifier, new byte[16]);
}
