namespace WifiBilling.Simulators.Hotspot;

public enum HotspotEventKind
{
    LoginAccepted = 1,
    LoginRejected = 2,

    /// <summary>No valid reply after every retransmission ("RADIUS server is not responding").</summary>
    LoginTimedOut = 3,
    SessionStarted = 4,
    InterimSent = 5,

    /// <summary>The session ended; its Stop has been sent (see <see cref="HotspotEvent.Acknowledged"/>).</summary>
    SessionEnded = 6,
    DisconnectReceived = 7,
    CoaReceived = 8,
}
