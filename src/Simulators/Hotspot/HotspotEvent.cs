using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>Something the simulated router did or received, for tests and the command line to follow.</summary>
public sealed record HotspotEvent(HotspotEventKind Kind, DateTimeOffset At)
{
    public string? AcctSessionId { get; init; }

    /// <summary>The packet received (Access-Accept/Reject, Disconnect-/CoA-Request), when there is one.</summary>
    public RadiusPacket? Packet { get; init; }

    /// <summary>Our answer to a Disconnect/CoA request (ACK or NAK code).</summary>
    public RadiusCode? Answer { get; init; }

    /// <summary>Error-Cause of a NAK we sent.</summary>
    public ErrorCause? ErrorCause { get; init; }

    public AcctTerminateCause? TerminateCause { get; init; }

    /// <summary>For accounting events: the server answered the Accounting-Request.</summary>
    public bool Acknowledged { get; init; }
}
