using WifiBilling.Billing.Domain.Sessions;

namespace WifiBilling.Portal.Contracts.Sessions;

/// <summary>A hotspot session as accounting recorded it; bytes are upload (input) and download (output) of the customer.</summary>
public sealed record SessionResponse(
    string Id,
    string RouterId,
    string? RouterName,
    string AcctSessionId,
    string? VoucherCode,
    string UserName,
    string? Mac,
    string? Ip,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? StoppedAt,
    long SessionSeconds,
    long InputBytes,
    long OutputBytes,
    string? TerminateCause,
    SessionDisconnectResponse Disconnect)
{
    public static SessionResponse From(AccountingSession session, string? routerName)
    {
        ArgumentNullException.ThrowIfNull(session);
        return new(
            session.Id,
            session.RouterId,
            routerName,
            session.AcctSessionId,
            session.VoucherCode,
            session.UserName,
            session.Mac?.Value,
            session.FramedIpAddress?.ToString(),
            session.StartedAt,
            session.UpdatedAt,
            session.StoppedAt,
            session.SessionSeconds,
            session.InputBytes,
            session.OutputBytes,
            session.TerminateCause,
            new SessionDisconnectResponse(session.DisconnectState, session.DisconnectErrorCause, session.DisconnectAttempts));
    }
}
