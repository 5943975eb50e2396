using System.ComponentModel.DataAnnotations;

namespace WifiBilling.Portal.Hosting;

/// <summary>Section <c>Portal:Metrics</c>.</summary>
public sealed class PortalMetricsOptions
{
    public const string SectionName = "Portal:Metrics";

    /// <summary>
    /// The store-backed gauges (payments by status, open sessions) are recounted on a scrape at most this often, so a
    /// scraper polling every second does not turn into a stream of COUNT queries. 0 recounts on every scrape.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Portal:Metrics:StoreRefreshInterval must be from 00:00:00 to 01:00:00.")]
    public TimeSpan StoreRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
