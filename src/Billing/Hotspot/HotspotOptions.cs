using System.ComponentModel.DataAnnotations;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Configuration section <c>Hotspot</c>: what the RADIUS replies grant, how rejects are slowed down, and how sessions
/// are swept and disconnected. Validated at start-up.
/// </summary>
public sealed class HotspotOptions
{
    public const string SectionName = "Hotspot";

    /// <summary>
    /// RouterOS' upper bound for Session-Timeout (User Manager documentation: "maximum value: 21474720"). A longer
    /// voucher is granted this much per session; the customer logs in again (MAC or cookie) for the rest.
    /// </summary>
    public const uint MaxSessionTimeoutSeconds = 21_474_720;

    /// <summary>Language of the Reply-Message on Access-Reject: <c>en</c>, <c>sw</c> or <c>both</c>.</summary>
    public ReplyLanguage Language { get; set; } = ReplyLanguage.En;

    /// <summary>
    /// Acct-Interim-Interval sent in every Access-Accept. A hotspot profile with <c>radius-interim-update=received</c>
    /// (the default) sends no interim updates at all without it (mikrotik.md §2.1, §6 pitfall 4).
    /// </summary>
    [Range(10, 86_400)]
    public int InterimIntervalSeconds { get; set; } = 300;

    /// <summary>Idle-Timeout sent in every Access-Accept; 0 sends none (the router's user profile decides).</summary>
    [Range(0, 86_400)]
    public int IdleTimeoutSeconds { get; set; } = 600;

    /// <summary>How often the router registry asks the store whether any router changed (a cheap version read).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RegistryRefreshInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Rejects from one device (Calling-Station-Id) within <see cref="ThrottleWindow"/> before they are delayed.</summary>
    [Range(1, 1_000)]
    public int DeviceRejectsBeforeDelay { get; set; } = 3;

    /// <summary>Rejects from one router within <see cref="ThrottleWindow"/> before all its rejects are delayed.</summary>
    [Range(1, 100_000)]
    public int RouterRejectsBeforeDelay { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Delay of the first throttled reject; each further reject in the window waits one step longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RejectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Longest delay. Keep it below the router's RADIUS timeout × retries, or the router gives up and shows "RADIUS
    /// server is not responding" instead of the Reply-Message.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan MaxRejectDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>A session with no accounting for this many interim intervals is closed as stale.</summary>
    [Range(2, 100)]
    public int StaleAfterIntervals { get; set; } = 3;

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long one instance holds a session's Disconnect claim (longer than a CoA exchange with retries).</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan DisconnectLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Wait before a Disconnect that timed out is tried again; it doubles with each attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DisconnectRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Disconnect attempts per session (each attempt is itself retransmitted by the CoA client).</summary>
    [Range(1, 20)]
    public int DisconnectMaxAttempts { get; set; } = 5;

    /// <summary>CoA/Disconnect exchanges in flight at once.</summary>
    [Range(1, 1_000)]
    public int MaxConcurrentCoa { get; set; } = 16;

    public TimeSpan InterimInterval => TimeSpan.FromSeconds(InterimIntervalSeconds);
}
