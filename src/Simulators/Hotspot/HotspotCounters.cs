namespace WifiBilling.Simulators.Hotspot;

/// <summary>What <c>/radius monitor</c> and <c>/radius incoming monitor</c> show on a router.</summary>
public sealed class HotspotCounters
{
    private long _requests;
    private long _resends;
    private long _timeouts;
    private long _badReplies;
    private long _incomingRequests;
    private long _incomingBadRequests;
    private long _incomingAcks;
    private long _incomingNaks;

    public long Requests => Interlocked.Read(ref _requests);

    public long Resends => Interlocked.Read(ref _resends);

    public long Timeouts => Interlocked.Read(ref _timeouts);

    /// <summary>Replies dropped: wrong source, Identifier or code, bad authenticator, missing Message-Authenticator.</summary>
    public long BadReplies => Interlocked.Read(ref _badReplies);

    public long IncomingRequests => Interlocked.Read(ref _incomingRequests);

    /// <summary>CoA/Disconnect requests dropped: malformed, wrong code, bad authenticator (wrong secret).</summary>
    public long IncomingBadRequests => Interlocked.Read(ref _incomingBadRequests);

    public long IncomingAcks => Interlocked.Read(ref _incomingAcks);

    public long IncomingNaks => Interlocked.Read(ref _incomingNaks);

    internal void OnRequest() => Interlocked.Increment(ref _requests);

    internal void OnResend() => Interlocked.Increment(ref _resends);

    internal void OnTimeout() => Interlocked.Increment(ref _timeouts);

    internal void OnBadReply() => Interlocked.Increment(ref _badReplies);

    internal void OnIncoming() => Interlocked.Increment(ref _incomingRequests);

    internal void OnIncomingBad() => Interlocked.Increment(ref _incomingBadRequests);

    internal void OnIncomingAnswer(bool ack) => Interlocked.Increment(ref ack ? ref _incomingAcks : ref _incomingNaks);
}
