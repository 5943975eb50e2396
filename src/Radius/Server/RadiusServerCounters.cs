namespace WifiBilling.Radius.Server;

/// <summary>Running totals of one server (both ports), for health pages and tests. Thread-safe.</summary>
public sealed class RadiusServerCounters
{
    private readonly long[] _drops = new long[Enum.GetValues<RadiusDropReason>().Length];
    private long _received;
    private long _answered;
    private long _retransmitsAnswered;
    private long _noReply;

    public long Received => Interlocked.Read(ref _received);

    /// <summary>Replies sent for new requests (not counting cached replies resent for retransmits).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public long RetransmitsAnswered => Interlocked.Read(ref _retransmitsAnswered);

    /// <summary>Requests a handler chose not to answer (access null, accounting not durable).</summary>
    public long NoReply => Interlocked.Read(ref _noReply);

    public long Dropped => _drops.Sum(d => Interlocked.Read(ref d));

    public long GetDropped(RadiusDropReason reason) => Interlocked.Read(ref _drops[(int)reason]);

    internal void OnReceived() => Interlocked.Increment(ref _received);

    internal void OnAnswered() => Interlocked.Increment(ref _answered);

    internal void OnRetransmitAnswered() => Interlocked.Increment(ref _retransmitsAnswered);

    internal void OnNoReply() => Interlocked.Increment(ref _noReply);

    internal void OnDropped(RadiusDropReason reason) => Interlocked.Increment(ref _drops[(int)reason]);
}
