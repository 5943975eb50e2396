using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Portal.Contracts.Sessions;

/// <summary>Where the server's Disconnect-Request for a session stands; <c>errorCause</c> is the RFC 5176 Error-Cause of a NAK.</summary>
public sealed record SessionDisconnectResponse(DisconnectState State, uint? ErrorCause, int Attempts);
