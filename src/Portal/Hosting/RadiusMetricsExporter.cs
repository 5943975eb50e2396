using System.Diagnostics.Metrics;
using Prometheus;
using WifiBilling.Radius.Diagnostics;

namespace WifiBilling.Portal.Hosting;

/// <summary>
/// Exports the <c>WifiBilling.Radius</c> meter under Prometheus names and types:
/// <c>wifibilling_radius_requests_total{code,result,drop_reason}</c>, <c>wifibilling_radius_access_duration_seconds</c>
/// (histogram) and <c>wifibilling_radius_coa_requests_total{code,outcome}</c>. prometheus-net's generic meter adapter
/// would publish these counters as gauges named <c>wifibilling_radius_radius_server_requests</c>, a few seconds late,
/// and drop them after minutes without traffic; so that adapter skips this meter and this listener feeds real
/// counters and a histogram at once.
/// </summary>
public sealed class RadiusMetricsExporter : IDisposable
{
    private static readonly Counter Requests = Metrics.CreateCounter(
        "wifibilling_radius_requests_total",
        "RADIUS requests received, by request code and result (accepted, rejected, challenged, answered, no_reply, dropped + drop_reason)",
        "code", "result", "drop_reason");

    private static readonly Histogram AccessDuration = Metrics.CreateHistogram(
        "wifibilling_radius_access_duration_seconds",
        "Time the access handler took to decide an Access-Request (voucher lookup and login decision)",
        new HistogramConfiguration { Buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] });

    private static readonly Counter CoaRequests = Metrics.CreateCounter(
        "wifibilling_radius_coa_requests_total",
        "CoA-Request and Disconnect-Request sent to routers, by request code and outcome (ack, nak, timeout)",
        "code", "outcome");

    private readonly MeterListener _listener = new();

    /// <param name="meterFactory">Only this host's meters are exported (tests run several hosts in one process).</param>
    public RadiusMetricsExporter(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RadiusMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnCount);
        _listener.SetMeasurementEventCallback<double>(OnDuration);
        _listener.Start();
    }

    public void Dispose() => _listener.Dispose();

    private static void OnCount(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        switch (instrument.Name)
        {
            case "radius.server.requests":
                Requests.WithLabels(Tag(tags, "radius.code"), Tag(tags, "radius.result"), Tag(tags, "radius.drop_reason")).Inc(value);
                break;
            case "radius.coa.requests":
                CoaRequests.WithLabels(Tag(tags, "radius.code"), Tag(tags, "radius.coa.outcome")).Inc(value);
                break;
        }
    }

    private static void OnDuration(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (instrument.Name == "radius.server.access.duration")
        {
            AccessDuration.Observe(value);
        }
    }

    /// <summary>An absent tag is an empty label, which Prometheus treats as no label at all.</summary>
    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == name)
            {
                return tag.Value as string ?? string.Empty;
            }
        }

        return string.Empty;
    }
}
