namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>Where the Disconnect-Request (RFC 5176) for a session stands.</summary>
public enum DisconnectState
{
    None = 0,

    /// <summary>Claimed by one instance, which is sending it now (until its lease ends).</summary>
    Requested = 1,

    /// <summary>The router answered Disconnect-ACK.</summary>
    Acked = 2,

    /// <summary>The router answered Disconnect-NAK; see the error cause (RFC 5176 §3.5).</summary>
    Nakked = 3,

    /// <summary>No answer after the retries; another attempt may claim it again.</summary>
    TimedOut = 4,
}
