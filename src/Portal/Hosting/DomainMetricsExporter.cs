using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Prometheus;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.Payments.Diagnostics;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Exports the <c>WifiBilling.Billing</c> (payments) and <c>WifiBilling.Hotspot</c> meters under Prometheus names and
/// types, as <see cref="RadiusMetricsExporter"/> does for RADIUS: counters become <c>wifibilling_&lt;instrument&gt;_total</c>
/// with the tags as labels (<c>hotspot.method</c> → <c>method</c>), the callback-duration histogram is in seconds, and
/// the observable gauges are read just before a scrape. Listening starts with the host, so nothing counted before the
/// first scrape is lost, and only this host's meters are read (tests run several hosts in one process).
/// </summary>
public sealed class DomainMetricsExporter : IDisposable
{
    private static readonly FrozenDictionary<string, Counter> Counters = new Dictionary<string, Counter>
    {
        ["payments.status_changes"] = Counter("wifibilling_payments_status_changes_total", "Payments entering a status (each transition this server caused)", "status"),
        ["payments.stk_pushes"] = Counter("wifibilling_payments_stk_pushes_total", "STK pushes sent to Daraja, by result (accepted, refused, unknown, not-sent)", "result"),
        ["payments.callbacks"] = Counter("wifibilling_payments_callbacks_total", "STK callbacks received, by result", "result"),
        ["payments.stk_queries"] = Counter("wifibilling_payments_stk_queries_total", "STK queries made by the reconciler, by result", "result"),
        ["payments.vouchers_minted"] = Counter("wifibilling_payments_vouchers_minted_total", "Vouchers minted from payments, by source", "source"),
        ["payments.pushes_limited"] = Counter("wifibilling_payments_pushes_limited_total", "Pay requests refused by an abuse limit, by key", "key"),
        ["payments.recoveries"] = Counter("wifibilling_payments_recoveries_total", "Voucher recovery requests, by result", "result"),
        ["hotspot.logins"] = Counter("wifibilling_hotspot_logins_total", "Hotspot logins decided, by method (voucher, mac) and result (accepted or the reject reason)", "hotspot.method", "hotspot.result"),
        ["hotspot.rejects.throttled"] = Counter("wifibilling_hotspot_rejects_throttled_total", "Rejects delayed because of repeated failures, by throttle (device, router)", "hotspot.throttle"),
        ["hotspot.session.commands"] = Counter("wifibilling_hotspot_session_commands_total", "Disconnect and CoA requests sent for sessions, by command, reason and outcome", "hotspot.command", "hotspot.reason", "hotspot.outcome"),
        ["hotspot.sessions.closed"] = Counter("wifibilling_hotspot_sessions_closed_total", "Sessions closed by the server rather than by an Accounting-Stop, by reason", "hotspot.reason"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Gauge> Gauges = new Dictionary<string, Gauge>
    {
        ["hotspot.sessions.active"] = Metrics.CreateGauge("wifibilling_hotspot_sessions_active", "Open hotspot sessions as the sweeper last counted them"),
        ["hotspot.expiry.scheduled"] = Metrics.CreateGauge("wifibilling_hotspot_expiry_scheduled", "Vouchers whose end the expiry scheduler watches"),
    }.ToFrozenDictionary();

    private static readonly Histogram CallbackDuration = Metrics.CreateHistogram(
        "wifibilling_payments_callback_duration_seconds",
        "Time from receiving an STK callback to its payment (and voucher) being durable",
        new HistogramConfiguration { Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private readonly MeterListener _listener = new();

    /// <param name="meterFactory">Only meters this host's factory created are exported.</param>
    public DomainMetricsExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name is PaymentMetrics.MeterName or HotspotMetrics.MeterName
                && ReferenceEquals(instrument.Meter.Scope, meterFactory)
                && (Counters.ContainsKey(instrument.Name) || Gauges.ContainsKey(instrument.Name) || instrument.Name == "payments.callback_duration"))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => OnLong(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>Reads the observable gauges; called just before a scrape.</summary>
    public void RecordGauges() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    /// <summary>Labels are the tag names without their meter prefix; the tags each instrument gets are fixed in code.</summary>
    private static Counter Counter(string name, string help, params string[] tags) =>
        Metrics.CreateCounter(name, help, [.. tags.Select(tag => tag[(tag.LastIndexOf('.') + 1)..])]);

    private static void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (Counters.TryGetValue(instrument.Name, out var counter))
        {
            counter.WithLabels(Labels(counter, tags)).Inc(value);
        }
        else if (Gauges.TryGetValue(instrument.Name, out var gauge))
        {
            gauge.Set(value);
        }
    }

    private static void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "payments.callback_duration")
        {
            CallbackDuration.Observe(value / 1000); // recorded in ms (PaymentMetrics), Prometheus wants seconds
        }
    }

    private static string[] Labels(Counter counter, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var names = counter.LabelNames;
        var values = new string[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            values[i] = string.Empty;
            foreach (var tag in tags)
            {
                if (tag.Key == names[i] || tag.Key.EndsWith("." + names[i], StringComparison.Ordinal))
                {
                    values[i] = tag.Value?.ToString() ?? string.Empty;
                    break;
                }
            }
        }

        return values;
    }
}
