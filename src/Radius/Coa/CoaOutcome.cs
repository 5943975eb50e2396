namespace WifiBilling.Radius.Coa;

/// <summary>How a CoA-Request or Disconnect-Request ended (RFC 5176 §2).</summary>
public enum CoaOutcome
{
    /// <summary>CoA-ACK or Disconnect-ACK.</summary>
    Ack,

    /// <summary>CoA-NAK or Disconnect-NAK; see <see cref="CoaResult.ErrorCause"/>.</summary>
    Nak,

    /// <summary>No valid reply after every retransmission.</summary>
    Timeout,
}
