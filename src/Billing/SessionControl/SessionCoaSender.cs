using System.Text;
using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Radius.Coa;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Sends a Disconnect-Request or CoA-Request about one session to its router's CoA port. The session is named the
/// way RouterOS matches hotspot sessions: User-Name, Acct-Session-Id, Framed-IP-Address and NAS-IP-Address, each
/// exactly as the router sent it in accounting (mikrotik.md §4.2: without Framed-IP-Address a hotspot ignores it;
/// a NAS-IP-Address other than its own is NAK'd).
/// </summary>
public sealed partial class SessionCoaSender(RouterRegistry routers, IRadiusCoaClient coa, ILogger<SessionCoaSender> logger)
{
    /// <summary>The router's answer; null when the router is unknown, disabled, or has no address to send to.</summary>
    public async Task<CoaResult?> SendAsync(
        AccountingSession session,
        RadiusCode code,
        IReadOnlyList<RadiusAttribute> changes,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(changes);
        if (!routers.TryGetRouter(session.RouterId, out var router))
        {
            LogNoRouter(logger, session.Id, session.RouterId);
            return null;
        }

        var address = RouterRegistry.CoaAddress(router, session, routers.LastSource(session.RouterId, session.NasIpAddress));
        if (address is null)
        {
            LogNoAddress(logger, session.Id, session.RouterId);
            return null;
        }

        var attributes = new List<RadiusAttribute>(4 + changes.Count);
        if (session.UserName.Length > 0)
        {
            attributes.Add(RadiusAttribute.FromString(RadiusAttributeType.UserName, session.UserName));
        }

        attributes.Add(RadiusAttribute.FromString(RadiusAttributeType.AcctSessionId, session.AcctSessionId));
        if (session.FramedIpAddress is { } framedIp)
        {
            attributes.Add(RadiusAttribute.FromIPAddress(RadiusAttributeType.FramedIpAddress, framedIp));
        }

        if (session.NasIpAddress is { } nasIp)
        {
            attributes.Add(RadiusAttribute.FromIPAddress(RadiusAttributeType.NasIpAddress, nasIp));
        }

        attributes.AddRange(changes);
        var request = new CoaRequest(code, address, Encoding.UTF8.GetBytes(router.SharedSecret), attributes) { Port = router.Router.CoaPort };
        var result = await coa.SendAsync(request, cancellationToken).ConfigureAwait(false);
        LogResult(logger, code, session.Id, VoucherCode.Mask(session.VoucherCode), result.Outcome, result.ErrorCause?.ToString() ?? "none", result.Attempts);
        return result;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: router {RouterId} is unknown or disabled; no Disconnect/CoA can be sent")]
    private static partial void LogNoRouter(ILogger logger, string sessionId, string routerId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Session {SessionId}: no address is known for router {RouterId} (a CIDR or NAS-Identifier entry that has not sent a packet since start and reported no NAS-IP-Address)")]
    private static partial void LogNoAddress(ILogger logger, string sessionId, string routerId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Code} for session {SessionId} (voucher {Voucher}): {Outcome} (Error-Cause {ErrorCause}) after {Attempts} attempts")]
    private static partial void LogResult(ILogger logger, RadiusCode code, string sessionId, string voucher, CoaOutcome outcome, string errorCause, int attempts);
}
