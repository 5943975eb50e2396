using System.Diagnostics;
using System.Diagnostics.Metrics;
using WifiBilling.Radius.Coa;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Instruments of the meter "WifiBilling.Hotspot" (exported at /metrics by the Portal):
/// <c>hotspot.logins</c> (hotspot.method = voucher|mac, hotspot.result = accepted or the reject reason),
/// <c>hotspot.rejects.throttled</c> (hotspot.throttle = device|router),
/// <c>hotspot.session.commands</c> (hotspot.command = disconnect|coa, hotspot.reason, hotspot.outcome = ack|nak|timeout|no-router),
/// <c>hotspot.sessions.closed</c> (hotspot.reason = nas-reboot|accounting-on-off|stale|session-not-found),
/// and the gauges <c>hotspot.sessions.active</c> (open sessions, refreshed by the sweeper) and
/// <c>hotspot.expiry.scheduled</c> (vouchers the expiry scheduler watches).
/// </summary>
public sealed class HotspotMetrics : IDisposable
{
    public const string MeterName = "WifiBilling.Hotspot";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _logins;
    private readonly Counter<long> _throttled;
    private readonly Counter<long> _commands;
    private readonly Counter<long> _closed;
    private long _activeSessions;
    private Func<int> _scheduledVouchers = () => 0;

    public HotspotMetrics(IMeterFactory meterFactory)
        : this(meterFactory?.Create(MeterName) ?? throw new ArgumentNullException(nameof(meterFactory)), ownsMeter: false)
    {
    }

    public HotspotMetrics()
        : this(new Meter(MeterName), ownsMeter: true)
    {
    }

    private HotspotMetrics(Meter meter, bool ownsMeter)
    {
        _meter = meter;
        _ownsMeter = ownsMeter;
        _logins = meter.CreateCounter<long>("hotspot.logins", "{login}", "Hotspot Access-Requests decided, by method and result");
        _throttled = meter.CreateCounter<long>("hotspot.rejects.throttled", "{reject}", "Rejects delayed because of repeated failures");
        _commands = meter.CreateCounter<long>("hotspot.session.commands", "{request}", "Disconnect and CoA requests sent for sessions, by outcome");
        _closed = meter.CreateCounter<long>("hotspot.sessions.closed", "{session}", "Sessions closed by the server (not by an Accounting Stop)");
        meter.CreateObservableGauge("hotspot.sessions.active", () => Interlocked.Read(ref _activeSessions), "{session}", "Open hotspot sessions");
        meter.CreateObservableGauge("hotspot.expiry.scheduled", () => _scheduledVouchers(), "{voucher}", "Vouchers whose end the expiry scheduler watches");
    }

    public Meter Meter => _meter;

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal void LoginDecided(bool macLogin, HotspotRejectReason? reason) =>
        _logins.Add(1, new TagList
        {
            { "hotspot.method", macLogin ? "mac" : "voucher" },
            { "hotspot.result", reason is { } r ? ReasonName(r) : "accepted" },
        });

    internal void RejectThrottled(bool byRouter) => _throttled.Add(1, new TagList { { "hotspot.throttle", byRouter ? "router" : "device" } });

    internal void CommandCompleted(string command, string reason, CoaOutcome? outcome) =>
        _commands.Add(1, new TagList
        {
            { "hotspot.command", command },
            { "hotspot.reason", reason },
            { "hotspot.outcome", outcome switch { CoaOutcome.Ack => "ack", CoaOutcome.Nak => "nak", CoaOutcome.Timeout => "timeout", _ => "no-router" } },
        });

    internal void SessionsClosed(string reason, int count)
    {
        if (count > 0)
        {
            _closed.Add(count, new TagList { { "hotspot.reason", reason } });
        }
    }

    internal void SetActiveSessions(long count) => Interlocked.Exchange(ref _activeSessions, count);

    internal void ObserveScheduledVouchers(Func<int> count) => _scheduledVouchers = count;

    private static string ReasonName(HotspotRejectReason reason) => reason switch
    {
        HotspotRejectReason.UnknownVoucher => "unknown-voucher",
        HotspotRejectReason.Revoked => "revoked",
        HotspotRejectReason.Expired => "expired",
        HotspotRejectReason.DataExhausted => "data-exhausted",
        HotspotRejectReason.DeviceLimitReached => "device-limit",
        HotspotRejectReason.RouterNotAllowed => "router-not-allowed",
        HotspotRejectReason.NoVoucherForDevice => "no-voucher-for-device",
        _ => "device-mismatch",
    };
}
