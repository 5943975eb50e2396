namespace WifiBilling.Radius.Server;

/// <summary>
/// RFC 5080 §2.2.2 duplicate detection. The first copy of a request claims an entry; a retransmit that arrives while
/// the first is still being handled is dropped, and one that arrives later gets the cached reply octets. Entries live
/// for <c>lifetime</c> after completion; handlers that never finish are forgotten after <c>inProgressLimit</c>.
/// <para>
/// Built to leave no garbage behind. Every reply lives about ten seconds: long enough, when each is its own object, to
/// be promoted to the oldest GC generation and die there, and at thousands of requests a second those deaths are what
/// made the collector compact the whole heap (the p99 latency in docs/benchmarks.md). So entries are structs in
/// arrays (a hash table per shard, chained through indexes) and reply octets are copied into reused 8 KB chunks,
/// written in completion order. With one lifetime for all, completion order is expiry order: a chunk is free again
/// once its last reply has expired. The cache grows with the request rate and shrinks when it falls.
/// </para>
/// </summary>
internal sealed partial class DuplicateRequestCache
{
    /// <summary>16 shards: requests from many routers on several threads rarely meet on one lock.</summary>
    private const int ShardBits = 4;

    private readonly Shard[] _shards = new Shard[1 << ShardBits];
    private readonly TimeProvider _timeProvider;
    private readonly long _lifetimeTicks;
    private readonly long _inProgressLimitTicks;
    private long _nextSweepTicks;

    public DuplicateRequestCache(TimeProvider timeProvider, TimeSpan lifetime, TimeSpan inProgressLimit)
    {
        _timeProvider = timeProvider;
        _lifetimeTicks = lifetime.Ticks;
        _inProgressLimitTicks = inProgressLimit.Ticks;
        for (var i = 0; i < _shards.Length; i++)
        {
            _shards[i] = new Shard();
        }
    }

    /// <summary>Requests in progress and replies held (tests and diagnostics).</summary>
    public int Count => _shards.Sum(shard => shard.Count);

    /// <summary>Chunk octets held for replies, in use or kept for reuse (tests and diagnostics).</summary>
    public long ReplyBytesHeld => _shards.Sum(shard => shard.ReplyBytesHeld);

    /// <summary>
    /// <see cref="DuplicateRequestStatus.New"/> when this is a new request (the caller handles it and later calls
    /// <see cref="Complete"/>, <see cref="CompleteUnanswered"/> or <see cref="Forget"/>). For an answered duplicate
    /// the reply octets are copied into <paramref name="replyDestination"/> (at least the maximum RADIUS length).
    /// </summary>
    public DuplicateRequestStatus Begin(in DuplicateRequestKey key, Span<byte> replyDestination, out int replyLength)
    {
        var now = _timeProvider.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        var hash = Hash(key);
        return ShardOf(hash).Begin(key, hash, now, now + _inProgressLimitTicks, replyDestination, out replyLength);
    }

    /// <summary>Stores a copy of the reply octets for retransmits.</summary>
    public void Complete(in DuplicateRequestKey key, ReadOnlySpan<byte> reply)
    {
        var hash = Hash(key);
        ShardOf(hash).Complete(key, hash, _timeProvider.GetUtcNow().UtcTicks + _lifetimeTicks, reply, answered: true);
    }

    /// <summary>Remembers that the request was deliberately not answered: its retransmits are dropped too.</summary>
    public void CompleteUnanswered(in DuplicateRequestKey key)
    {
        var hash = Hash(key);
        ShardOf(hash).Complete(key, hash, _timeProvider.GetUtcNow().UtcTicks + _lifetimeTicks, default, answered: false);
    }

    /// <summary>Forgets the request so that a retransmit is handled afresh (handler failed or accounting not durable).</summary>
    public void Forget(in DuplicateRequestKey key)
    {
        var hash = Hash(key);
        ShardOf(hash).Forget(key, hash);
    }

    /// <summary>
    /// Sweeps expired replies when no request has arrived for a while (sweeps otherwise ride on requests): after a
    /// burst such as a reboot storm, its replies would otherwise stay in memory until the next request.
    /// </summary>
    public void SweepIdle() => SweepIfDue(_timeProvider.GetUtcNow().UtcTicks);

    /// <summary>Seeded per process (<see cref="HashCode"/>), so no sender can aim its keys at one bucket.</summary>
    private static int Hash(in DuplicateRequestKey key) =>
        HashCode.Combine(key.Address, key.Port, key.Identifier, key.Authenticator);

    /// <summary>The top bits choose the shard; a shard's buckets use the low bits.</summary>
    private Shard ShardOf(int hash) => _shards[(uint)hash >> (32 - ShardBits)];

    /// <summary>At most once a second, by one caller: a walk over every shard's entries (a few microseconds per thousand).</summary>
    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + TimeSpan.TicksPerSecond, due) != due)
        {
            return;
        }

        foreach (var shard in _shards)
        {
            shard.Sweep(now);
        }
    }
}
