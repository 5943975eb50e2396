namespace WifiBilling.Simulators.Load;

/// <summary>
/// What one phase of a load run did. <see cref="Sent"/> counts requests (a retransmission is the same request);
/// <see cref="Lost"/> got no valid reply after every retransmission. Latency runs from a request's first transmission
/// to its valid reply, so a request answered after retransmissions shows the router's timeouts in it.
/// </summary>
public sealed record LoadPhaseResult
{
    public required string Phase { get; init; }

    public required LoadKind Kind { get; init; }

    /// <summary>"closed" (<see cref="Concurrency"/> outstanding) or "open" (<see cref="TargetRate"/> per second).</summary>
    public required string Loop { get; init; }

    public int? Concurrency { get; init; }

    public double? TargetRate { get; init; }

    public required int Routers { get; init; }

    public required long Requests { get; init; }

    public required long Sent { get; init; }

    public required long Answered { get; init; }

    /// <summary>Access-Accept (logins) or Accounting-Response (accounting).</summary>
    public required long Accepted { get; init; }

    public required long Rejected { get; init; }

    public required long Lost { get; init; }

    public required long Retransmits { get; init; }

    /// <summary>Replies that answer nothing this router sent, or fail its checks (Response Authenticator, Message-Authenticator).</summary>
    public required long BadReplies { get; init; }

    /// <summary>
    /// Valid replies to a request already answered or given up: the server answered a retransmit as well (from its
    /// duplicate cache) and the copy arrived after the first answer. A router discards these.
    /// </summary>
    public required long DuplicateReplies { get; init; }

    /// <summary>Times a request waited because its source port's Identifier was still in use.</summary>
    public required long IdentifierWaits { get; init; }

    /// <summary>Building the requests before the clock started (not part of the throughput).</summary>
    public required double PrepareSeconds { get; init; }

    /// <summary>First transmission to the last reply or give-up.</summary>
    public required double ElapsedSeconds { get; init; }

    /// <summary>Answered requests per second over <see cref="ElapsedSeconds"/>.</summary>
    public required double Throughput { get; init; }

    /// <summary>Open loop: how far behind its schedule the sender fell at worst (a busy generator, not the server).</summary>
    public double? MaxSendLagMilliseconds { get; init; }

    public required LatencySummary Latency { get; init; }
}
