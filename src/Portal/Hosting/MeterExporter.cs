using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Prometheus;
using WifiBilling.Billing.Hotspot;
using WifiBilling.Billing.Payments.Diagnostics;
using WifiBilling.Radius.Diagnostics;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Exports our own meters (<c>WifiBilling.Radius</c>, <c>WifiBilling.Billing</c> payments, <c>WifiBilling.Hotspot</c>)
/// under Prometheus names and types: counters as <c>wifibilling_&lt;name&gt;_total</c> with the instrument's tags as
/// labels (<c>hotspot.method</c> → <c>method</c>), histograms in seconds, observable gauges read just before a scrape.
/// prometheus-net's generic meter adapter would publish these counters as gauges with doubled names, a few seconds
/// late, only from the first scrape on, and fed by every host in the process; this listener starts with the host and
/// reads only the meters this host's factory created (tests run several hosts in one process).
/// </summary>
public sealed class MeterExporter : IDisposable
{
    private static readonly FrozenDictionary<string, ExportedCounter> Counters = new Dictionary<string, ExportedCounter>
    {
        ["radius.server.requests"] = new(
            "wifibilling_radius_requests_total",
            "RADIUS requests received, by request code and result (accepted, rejected, challenged, answered, no_reply, dropped + drop_reason)",
            "radius.code", "radius.result", "radius.drop_reason"),
        ["radius.coa.requests"] = new(
            "wifibilling_radius_coa_requests_total",
            "CoA-Request and Disconnect-Request sent to routers, by request code and outcome (ack, nak, timeout)",
            "radius.code", "radius.coa.outcome"),
        ["payments.status_changes"] = new("wifibilling_payments_status_changes_total", "Payments entering a status (each transition this server caused)", "status"),
        ["payments.stk_pushes"] = new("wifibilling_payments_stk_pushes_total", "STK pushes sent to Daraja, by result (accepted, refused, unknown, not-sent)", "result"),
        ["payments.callbacks"] = new("wifibilling_payments_callbacks_total", "STK callbacks received, by result", "result"),
        ["payments.stk_queries"] = new("wifibilling_payments_stk_queries_total", "STK queries made by the reconciler, by result", "result"),
        ["payments.vouchers_minted"] = new("wifibilling_payments_vouchers_minted_total", "Vouchers minted from payments, by source", "source"),
        ["payments.pushes_limited"] = new("wifibilling_payments_pushes_limited_total", "Pay requests refused by an abuse limit, by key", "key"),
        ["payments.recoveries"] = new("wifibilling_payments_recoveries_total", "Voucher recovery requests, by result", "result"),
        ["hotspot.logins"] = new("wifibilling_hotspot_logins_total", "Hotspot logins decided, by method (voucher, mac) and result (accepted or the reject reason)", "hotspot.method", "hotspot.result"),
        ["hotspot.rejects.throttled"] = new("wifibilling_hotspot_rejects_throttled_total", "Rejects delayed because of repeated failures, by throttle (device, router)", "hotspot.throttle"),
        ["hotspot.session.commands"] = new("wifibilling_hotspot_session_commands_total", "Disconnect and CoA requests sent for sessions, by command, reason and outcome", "hotspot.command", "hotspot.reason", "hotspot.outcome"),
        ["hotspot.sessions.closed"] = new("wifibilling_hotspot_sessions_closed_total", "Sessions closed by the server rather than by an Accounting-Stop, by reason", "hotspot.reason"),
    }.ToFrozenDictionary();

    /// <summary>Histograms by instrument, with the factor that turns a recorded value into seconds.</summary>
    private static readonly FrozenDictionary<string, ExportedHistogram> Histograms = new Dictionary<string, ExportedHistogram>
    {
        ["radius.server.access.duration"] = new(
            Metrics.CreateHistogram(
                "wifibilling_radius_access_duration_seconds",
                "Time the access handler took to decide an Access-Request (voucher lookup and login decision)",
                new HistogramConfiguration { Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] }),
            ToSeconds: 1),
        ["payments.callback_duration"] = new(
            Metrics.CreateHistogram(
                "wifibilling_payments_callback_duration_seconds",
                "Time from receiving an STK callback to its payment (and voucher) being durable",
                new HistogramConfiguration { Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] }),
            ToSeconds: 0.001), // PaymentMetrics records ms
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Gauge> Gauges = new Dictionary<string, Gauge>
    {
        ["hotspot.sessions.active"] = Metrics.CreateGauge("wifibilling_hotspot_sessions_active", "Open hotspot sessions as the sweeper last counted them"),
        ["hotspot.expiry.scheduled"] = Metrics.CreateGauge("wifibilling_hotspot_expiry_scheduled", "Vouchers whose end the expiry scheduler watches"),
    }.ToFrozenDictionary();

    private static readonly FrozenSet<string> Meters = FrozenSet.ToFrozenSet([RadiusMetrics.MeterName, PaymentMetrics.MeterName, HotspotMetrics.MeterName]);

    private readonly MeterListener _listener = new();

    /// <param name="meterFactory">Only meters this host's factory created are exported.</param>
    public MeterExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Meters.Contains(instrument.Meter.Name) && ReferenceEquals(instrument.Meter.Scope, meterFactory)
                && Target(instrument.Name) is { } target)
            {
                // The target rides along with every measurement: the RADIUS counter fires per request, and looking it
                // up by name each time would be work done again and again for the same answer.
                listener.EnableMeasurementEvents(instrument, target);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnLong);
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, state) => OnLong(instrument, value, tags, state));
        _listener.SetMeasurementEventCallback<double>(OnDouble);
        _listener.Start();
    }

    /// <summary>The meters whose instruments this exporter publishes; the generic adapter must leave them alone.</summary>
    public static bool Exports(Meter meter) => Meters.Contains(meter?.Name ?? string.Empty);

    /// <summary>Reads the observable gauges; called just before a scrape.</summary>
    public void RecordGauges() => _listener.RecordObservableInstruments();

    public void Dispose() => _listener.Dispose();

    private static object? Target(string instrument) =>
        Counters.GetValueOrDefault(instrument) ?? Histograms.GetValueOrDefault(instrument) ?? (object?)Gauges.GetValueOrDefault(instrument);

    private static void OnLong(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (state)
        {
            case ExportedCounter counter:
                counter.Add(value, tags);
                break;
            case Gauge gauge:
                gauge.Set(value);
                break;
        }
    }

    private static void OnDouble(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (state is ExportedHistogram histogram)
        {
            histogram.Histogram.Observe(value * histogram.ToSeconds);
        }
    }

    private sealed record ExportedHistogram(Histogram Histogram, double ToSeconds);

    /// <summary>A counter whose labels are its tags without their meter prefix; an absent tag is an empty label.</summary>
    private sealed class ExportedCounter(string name, string help, params string[] tagKeys)
    {
        private const int MaxLabels = 8;

        private readonly Counter _counter = Metrics.CreateCounter(name, help, [.. tagKeys.Select(key => key[(key.LastIndexOf('.') + 1)..])]);

        /// <summary>Label values of one measurement, per thread: prometheus-net copies them only for a new series.</summary>
        [ThreadStatic]
        private static string[]? t_labels;

        public void Add(long value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var labels = (t_labels ??= new string[MaxLabels]).AsSpan(0, tagKeys.Length);
            for (var i = 0; i < tagKeys.Length; i++)
            {
                labels[i] = string.Empty;
                foreach (var tag in tags)
                {
                    if (tag.Key == tagKeys[i])
                    {
                        labels[i] = tag.Value?.ToString() ?? string.Empty;
                        break;
                    }
                }
            }

            _counter.WithLabels(labels).Inc(value);
        }
    }
}
