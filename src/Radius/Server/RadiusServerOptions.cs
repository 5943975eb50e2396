using System.ComponentModel.DataAnnotations;

namespace WifiBilling.Radius.Server;

/// <summary>Configuration section <c>Radius</c> (e.g. <c>Radius__AuthPort=1812</c>). Validated at start-up.</summary>
public sealed class RadiusServerOptions
{
    public const string SectionName = "Radius";

    /// <summary>UDP port for Access-Request and Status-Server (RFC 2865 §3: 1812). 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int AuthPort { get; set; } = 1812;

    /// <summary>UDP port for Accounting-Request and Status-Server (RFC 2866 §3: 1813). 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int AcctPort { get; set; } = 1813;

    /// <summary>
    /// Address to listen on. Empty (default) or "::" listens on every IPv4 and IPv6 address with one dual-mode
    /// socket per port; "0.0.0.0" is IPv4 only; a specific address binds to it alone.
    /// </summary>
    public string? BindAddress { get; set; }

    /// <summary>Receive loops per port; one is enough for tens of thousands of datagrams a second.</summary>
    [Range(1, 16)]
    public int ReceiveLoops { get; set; } = 1;

    /// <summary>Workers per port that validate datagrams and dispatch handlers.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 2;

    /// <summary>Datagrams waiting for a worker per port; beyond this they are dropped (the NAS retransmits).</summary>
    [Range(1, 1_000_000)]
    public int QueueCapacity { get; set; } = 1024;

    /// <summary>Handler invocations in progress per port; a worker waits for a free slot before starting another.</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 256;

    /// <summary>
    /// How long a reply is kept for retransmits (RFC 5080 §2.2.2). RouterOS retries about every 1.1 s (default timeout),
    /// so a few seconds cover its retries.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan DuplicateCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>At most one Warning per drop reason in this interval; the rest are counted and summarised.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan DropLogInterval { get; set; } = TimeSpan.FromSeconds(30);
}
