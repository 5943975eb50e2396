using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Coa;

/// <summary>The outcome of a CoA/Disconnect exchange.</summary>
/// <param name="Outcome">Ack, Nak or Timeout.</param>
/// <param name="ErrorCause">Error-Cause (101) of a NAK, when the NAS sent one (e.g. 503 Session-Context-Not-Found).</param>
/// <param name="Response">The validated reply, or null on timeout.</param>
/// <param name="Attempts">How many times the request was sent.</param>
public sealed record CoaResult(CoaOutcome Outcome, ErrorCause? ErrorCause, RadiusPacket? Response, int Attempts)
{
    public bool IsAck => Outcome == CoaOutcome.Ack;
}
