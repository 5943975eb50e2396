using System.Net;
using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.SessionControl;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Records hotspot accounting. Start / Interim-Update / Stop are upserted by router + Acct-Session-Id (a Stop without
/// a Start creates the session closed); gigawords are merged; NAS-IP-Address, NAS-Identifier, Framed-IP-Address, MAC
/// and Class are kept as sent, for the Disconnect. The voucher comes from our Class (a MAC login's User-Name is the
/// MAC), else from a User-Name that is a code. The answer is true — and the server sends the Accounting-Response —
/// only once the store has made the record durable (RFC 2866 §2). A Start with a new boot symbol closes the router's
/// sessions from before its reboot; Accounting-On/Off closes them all. A data cap used up queues a Disconnect.
/// </summary>
public sealed partial class HotspotAccountingHandler(
    ISessionStore sessions,
    RouterRegistry routers,
    NasRebootDetector reboots,
    VoucherExpiryScheduler scheduler,
    SessionCommandQueue commands,
    TimeProvider time,
    ILogger<HotspotAccountingHandler> logger) : IAccountingRequestHandler
{
    /// <summary>A router clock further off than this is not trusted for Event-Timestamp (no NTP on the router yet).</summary>
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromHours(12);

    public async ValueTask<bool> HandleAccountingRequestAsync(RadiusRequestContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var routerId = context.Client.Id ?? context.Client.Name;
        var nasIpAddress = request.GetIPAddress(RadiusAttributeType.NasIpAddress);
        var nasIdentifier = request.GetString(RadiusAttributeType.NasIdentifier);
        routers.NoteSource(routerId, nasIpAddress, context.RemoteEndPoint.Address);
        var eventTime = EventTime(request, time.GetUtcNow());

        switch ((AcctStatusType?)request.GetUInt32(RadiusAttributeType.AcctStatusType))
        {
            case AcctStatusType.AccountingOn or AcctStatusType.AccountingOff:
                await reboots.OnAccountingOnOffAsync(routerId, nasIpAddress, nasIdentifier, eventTime, cancellationToken).ConfigureAwait(false);
                return true;
            case AcctStatusType.Start:
                return await RecordAsync(context, routerId, AccountingEvent.Start, eventTime, cancellationToken).ConfigureAwait(false);
            case AcctStatusType.InterimUpdate:
                return await RecordAsync(context, routerId, AccountingEvent.InterimUpdate, eventTime, cancellationToken).ConfigureAwait(false);
            case AcctStatusType.Stop:
                return await RecordAsync(context, routerId, AccountingEvent.Stop, eventTime, cancellationToken).ConfigureAwait(false);
            default:
                // Nothing of ours to record (e.g. tunnel accounting): acknowledge so the NAS stops retransmitting.
                LogIgnored(logger, routerId, request.GetUInt32(RadiusAttributeType.AcctStatusType));
                return true;
        }
    }

    /// <summary>The voucher a session uses: our Class (echoed by the router), else a User-Name that is a voucher code.</summary>
    public static string? VoucherCodeOf(RadiusPacket request, string? userName)
    {
        ArgumentNullException.ThrowIfNull(request);
        foreach (var attribute in request.GetAll(RadiusAttributeType.Class))
        {
            if (VoucherClass.TryParse(attribute.AsString(), out var fromClass))
            {
                return fromClass.Value;
            }
        }

        return VoucherCode.TryParse(userName, out var fromUserName) ? fromUserName.Value : null;
    }

    /// <summary>
    /// Event-Timestamp when the router's clock is believable, else arrival time minus Acct-Delay-Time (RFC 2866 §5.2).
    /// </summary>
    public static DateTimeOffset EventTime(RadiusPacket request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.TryGet(RadiusAttributeType.EventTimestamp, out var attribute) && attribute.Value.Length == 4)
        {
            var stamped = attribute.AsDate();
            if ((stamped - now).Duration() <= MaxClockSkew)
            {
                return stamped;
            }
        }

        var delay = request.TryGet(RadiusAttributeType.AcctDelayTime, out var delayAttribute) && delayAttribute.Value.Length == 4
            ? Math.Min(delayAttribute.AsUInt32(), 86_400u)
            : 0u;
        return now - TimeSpan.FromSeconds(delay);
    }

    private async Task<bool> RecordAsync(
        RadiusRequestContext context,
        string routerId,
        AccountingEvent accountingEvent,
        DateTimeOffset eventTime,
        CancellationToken cancellationToken)
    {
        var request = context.Request;
        var acctSessionId = request.GetString(RadiusAttributeType.AcctSessionId);
        if (string.IsNullOrEmpty(acctSessionId) || acctSessionId.Length > 253)
        {
            // Cannot be keyed, so cannot be recorded: no Accounting-Response (RFC 2866 §4.1).
            LogUnkeyed(logger, routerId);
            return false;
        }

        var userName = context.UserName ?? string.Empty;
        var record = new AccountingRecord(
            routerId,
            acctSessionId,
            accountingEvent,
            userName,
            VoucherCodeOf(request, userName),
            MacAddress.TryParse(request.GetString(RadiusAttributeType.CallingStationId), out var mac) ? mac : null,
            IPv4OrNull(request, RadiusAttributeType.FramedIpAddress),
            IPv4OrNull(request, RadiusAttributeType.NasIpAddress),
            request.GetString(RadiusAttributeType.NasIdentifier),
            ClassText(request),
            Counter(request, RadiusAttributeType.AcctSessionTime),
            Octets(request, RadiusAttributeType.AcctInputOctets, RadiusAttributeType.AcctInputGigawords),
            Octets(request, RadiusAttributeType.AcctOutputOctets, RadiusAttributeType.AcctOutputGigawords),
            accountingEvent == AccountingEvent.Stop && request.TryGet(RadiusAttributeType.AcctTerminateCause, out var cause) && cause.Value.Length == 4
                ? TerminateCauses.Name(cause.AsUInt32())
                : null,
            eventTime);

        if (accountingEvent == AccountingEvent.Start)
        {
            await reboots.OnStartAsync(routerId, record.NasIpAddress, record.NasIdentifier, acctSessionId, eventTime, cancellationToken).ConfigureAwait(false);
        }

        var result = await sessions.RecordAccountingAsync(record, cancellationToken).ConfigureAwait(false);
        LogRecorded(logger, accountingEvent, result.Session.Id, routerId, VoucherCode.Mask(result.Session.VoucherCode), result.Added.Seconds, result.Added.Bytes);
        if (result.Archived is { } archived)
        {
            LogReused(logger, routerId, acctSessionId, archived.AcctSessionId);
        }

        if (result.Voucher is { } voucher)
        {
            scheduler.Watch(voucher);
            if (voucher.RemainingBytes == 0 && result.Session.IsOpen)
            {
                // RouterOS enforces Mikrotik-Total-Limit itself; this catches a router that does not, or a second device.
                commands.DisconnectVoucher(voucher.Code.Value, DisconnectReason.DataExhausted);
            }
        }

        return true;
    }

    private static long Counter(RadiusPacket request, byte type) =>
        request.TryGet(type, out var attribute) && attribute.Value.Length == 4 ? attribute.AsUInt32() : 0;

    private static long Octets(RadiusPacket request, byte octetsType, byte gigawordsType) =>
        OctetCounter.Combine((uint)Counter(request, octetsType), (uint)Counter(request, gigawordsType));

    private static IPAddress? IPv4OrNull(RadiusPacket request, byte type) =>
        request.TryGet(type, out var attribute) && attribute.Value.Length == 4 ? attribute.AsIPAddress() : null;

    private static string? ClassText(RadiusPacket request) =>
        request.TryGet(RadiusAttributeType.Class, out var attribute) ? attribute.AsString() : null;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accounting {Event} for session {SessionId} on router {RouterId} (voucher {Voucher}): +{Seconds} s, +{Bytes} bytes")]
    private static partial void LogRecorded(ILogger logger, AccountingEvent @event, string sessionId, string routerId, string voucher, long seconds, long bytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accounting-Request from router {RouterId} without a usable Acct-Session-Id; not recorded, not answered")]
    private static partial void LogUnkeyed(ILogger logger, string routerId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Router {RouterId} reused Acct-Session-Id {AcctSessionId} (ids recur after 16 reboots): the closed session with that id is kept as {ArchivedAcctSessionId} and a new one opened")]
    private static partial void LogReused(ILogger logger, string routerId, string acctSessionId, string archivedAcctSessionId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Accounting-Request from router {RouterId} with Acct-Status-Type {StatusType} acknowledged without a record")]
    private static partial void LogIgnored(ILogger logger, string routerId, uint? statusType);
}
