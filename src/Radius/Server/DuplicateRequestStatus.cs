namespace WifiBilling.Radius.Server;

/// <summary>What <see cref="DuplicateRequestCache.Begin"/> found for a request (RFC 5080 §2.2.2).</summary>
internal enum DuplicateRequestStatus
{
    /// <summary>The first copy: handle it, then complete or forget it.</summary>
    New,

    /// <summary>A retransmit of a request still being handled, or of one deliberately left unanswered: drop it.</summary>
    InProgress,

    /// <summary>A retransmit of an answered request: resend the cached reply.</summary>
    Answered,
}
