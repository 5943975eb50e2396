using System.Net;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Domain.Sessions;

/// <summary>
/// One hotspot session, keyed by router + Acct-Session-Id. Accounting may arrive late, twice or out of order
/// (RouterOS retransmits, and sends Stop even when Start got no answer), so counters only move forward and a
/// Stop closes the session whenever it comes.
/// </summary>
public sealed class AccountingSession
{
    private AccountingSession(string routerId, string acctSessionId, DateTimeOffset startedAt)
    {
        Id = BillingIds.SessionId(routerId, acctSessionId);
        RouterId = routerId;
        AcctSessionId = acctSessionId;
        StartedAt = startedAt;
        UserName = string.Empty;
    }

    public string Id { get; }

    public string RouterId { get; }

    public string AcctSessionId { get; }

    public string? VoucherCode { get; private set; }

    public string UserName { get; private set; }

    public MacAddress? Mac { get; private set; }

    public IPAddress? FramedIpAddress { get; private set; }

    public IPAddress? NasIpAddress { get; private set; }

    public string? NasIdentifier { get; private set; }

    public string? Class { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? StoppedAt { get; private set; }

    public long SessionSeconds { get; private set; }

    public long InputBytes { get; private set; }

    public long OutputBytes { get; private set; }

    public string? TerminateCause { get; private set; }

    public DisconnectState DisconnectState { get; private set; }

    public uint? DisconnectErrorCause { get; private set; }

    public int DisconnectAttempts { get; private set; }

    public string? DisconnectOwner { get; private set; }

    public DateTimeOffset? DisconnectLeaseUntil { get; private set; }

    internal long Version { get; private set; }

    public bool IsOpen => StoppedAt is null;

    public long TotalBytes => InputBytes + OutputBytes;

    /// <summary>A session first seen through <paramref name="record"/> (a Start, or an Interim/Stop whose Start was lost).</summary>
    public static (AccountingSession Session, UsageDelta Added) Open(AccountingRecord record, DateTimeOffset now)
    {
        record.Validate();
        var at = record.EventTime ?? now;
        var session = new AccountingSession(record.RouterId, record.AcctSessionId, at - TimeSpan.FromSeconds(record.SessionSeconds))
        {
            UpdatedAt = at,
        };
        var added = session.Apply(record, now);
        session.Version = 1;
        return (session, added);
    }

    /// <summary>
    /// Applies a later record: identity attributes fill in when missing, counters take the maximum (a reordered
    /// interim never rolls them back), a Stop closes the session once. Returns what the counters grew by.
    /// </summary>
    public UsageDelta Apply(AccountingRecord record, DateTimeOffset now)
    {
        record.Validate();
        if (record.RouterId != RouterId || record.AcctSessionId != AcctSessionId)
        {
            throw new ArgumentException("The record belongs to another session.", nameof(record));
        }

        var at = record.EventTime ?? now;
        var added = new UsageDelta(
            Math.Max(0, record.SessionSeconds - SessionSeconds),
            Math.Max(0, record.InputBytes - InputBytes) + Math.Max(0, record.OutputBytes - OutputBytes));

        VoucherCode ??= Vouchers.VoucherCode.TryParse(record.VoucherCode, out var code) ? code.Value : null;
        UserName = UserName.Length == 0 ? record.UserName : UserName;
        Mac ??= record.Mac;
        FramedIpAddress ??= record.FramedIpAddress;
        NasIpAddress ??= record.NasIpAddress;
        NasIdentifier ??= record.NasIdentifier;
        Class ??= record.Class;
        SessionSeconds += added.Seconds;
        InputBytes = Math.Max(InputBytes, record.InputBytes);
        OutputBytes = Math.Max(OutputBytes, record.OutputBytes);
        var startedAt = at - TimeSpan.FromSeconds(record.SessionSeconds);
        StartedAt = startedAt < StartedAt ? startedAt : StartedAt;
        UpdatedAt = at > UpdatedAt ? at : UpdatedAt;
        if (record.Event == AccountingEvent.Stop && StoppedAt is null)
        {
            StoppedAt = at;
            TerminateCause = record.TerminateCause;
        }

        Version++;
        return added;
    }

    /// <summary>
    /// Whether <paramref name="record"/> is a new session under this session's Acct-Session-Id. RouterOS numbers
    /// sessions <c>80</c> + a boot symbol + a counter (mikrotik.md §1.2, attribute 44), and the boot symbol has 16
    /// values, so after 16 reboots a router hands out ids it used before. It is a new session when this one is closed,
    /// the record happened more than <see cref="ReuseGrace"/> after the close, and it starts over (a Start, or less
    /// session time than recorded). A late or reordered record of this session happened before its close (or, when the
    /// router's clock was not believed, arrives within seconds of it); one the server closed too early (stale, reboot)
    /// still carries at least the session time already counted. Sixteen reboots take far longer than the grace.
    /// </summary>
    public bool IsReusedBy(AccountingRecord record, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(record);
        return StoppedAt is { } stoppedAt
            && (record.EventTime ?? now) > stoppedAt + ReuseGrace
            && (record.Event == AccountingEvent.Start || record.SessionSeconds < SessionSeconds);
    }

    /// <summary>How long after a close a record of the same id is still taken as a late one of the closed session.</summary>
    public static TimeSpan ReuseGrace { get; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// This closed session under an archive Acct-Session-Id (<c>&lt;id&gt;~&lt;close time in Unix seconds&gt;</c>), so
    /// the router's reused id can open a new session while this one's history stays.
    /// </summary>
    public AccountingSession ToArchived()
    {
        if (StoppedAt is not { } stoppedAt)
        {
            throw new InvalidOperationException("Only a closed session is archived.");
        }

        return Rehydrate(
            RouterId,
            AcctSessionId + "~" + stoppedAt.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            VoucherCode,
            UserName,
            Mac,
            FramedIpAddress,
            NasIpAddress,
            NasIdentifier,
            Class,
            StartedAt,
            UpdatedAt,
            StoppedAt,
            SessionSeconds,
            InputBytes,
            OutputBytes,
            TerminateCause,
            DisconnectState,
            DisconnectErrorCause,
            DisconnectAttempts,
            DisconnectOwner,
            DisconnectLeaseUntil,
            version: 1);
    }

    /// <summary>Closes an open session without a Stop (NAS reboot, stale, disconnected). False when already closed.</summary>
    public bool Close(string terminateCause, DateTimeOffset now)
    {
        if (StoppedAt is not null)
        {
            return false;
        }

        StoppedAt = now;
        TerminateCause = terminateCause;
        Version++;
        return true;
    }

    /// <summary>
    /// One instance takes the job of sending the Disconnect-Request: allowed for an open session that is not
    /// disconnected yet (None, TimedOut) or whose previous claim's lease ran out (that instance died).
    /// </summary>
    public bool TryClaimDisconnect(string owner, DateTimeOffset leaseUntil, DateTimeOffset now)
    {
        var claimable = DisconnectState switch
        {
            DisconnectState.None or DisconnectState.TimedOut => true,
            DisconnectState.Requested => DisconnectLeaseUntil is null || DisconnectLeaseUntil <= now,
            _ => false,
        };
        if (!IsOpen || !claimable)
        {
            return false;
        }

        DisconnectState = DisconnectState.Requested;
        DisconnectOwner = owner;
        DisconnectLeaseUntil = leaseUntil;
        DisconnectErrorCause = null;
        DisconnectAttempts++;
        Version++;
        return true;
    }

    /// <summary>Records the router's answer; only the instance holding the claim may. False when it does not.</summary>
    public bool RecordDisconnect(string owner, DisconnectOutcome outcome)
    {
        if (outcome.State is DisconnectState.None or DisconnectState.Requested)
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome.State, "A disconnect outcome is Acked, Nakked or TimedOut.");
        }

        if (DisconnectState != DisconnectState.Requested || DisconnectOwner != owner)
        {
            return false;
        }

        DisconnectState = outcome.State;
        DisconnectErrorCause = outcome.ErrorCause;
        DisconnectOwner = null;
        DisconnectLeaseUntil = null;
        Version++;
        return true;
    }

    internal static AccountingSession Rehydrate(
        string routerId,
        string acctSessionId,
        string? voucherCode,
        string userName,
        MacAddress? mac,
        IPAddress? framedIpAddress,
        IPAddress? nasIpAddress,
        string? nasIdentifier,
        string? sessionClass,
        DateTimeOffset startedAt,
        DateTimeOffset updatedAt,
        DateTimeOffset? stoppedAt,
        long sessionSeconds,
        long inputBytes,
        long outputBytes,
        string? terminateCause,
        DisconnectState disconnectState,
        uint? disconnectErrorCause,
        int disconnectAttempts,
        string? disconnectOwner,
        DateTimeOffset? disconnectLeaseUntil,
        long version) =>
        new(routerId, acctSessionId, startedAt)
        {
            VoucherCode = voucherCode,
            UserName = userName,
            Mac = mac,
            FramedIpAddress = framedIpAddress,
            NasIpAddress = nasIpAddress,
            NasIdentifier = nasIdentifier,
            Class = sessionClass,
            UpdatedAt = updatedAt,
            StoppedAt = stoppedAt,
            SessionSeconds = sessionSeconds,
            InputBytes = inputBytes,
            OutputBytes = outputBytes,
            TerminateCause = terminateCause,
            DisconnectState = disconnectState,
            DisconnectErrorCause = disconnectErrorCause,
            DisconnectAttempts = disconnectAttempts,
            DisconnectOwner = disconnectOwner,
            DisconnectLeaseUntil = disconnectLeaseUntil,
            Version = version,
        };
}
