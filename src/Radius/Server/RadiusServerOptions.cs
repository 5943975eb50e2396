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

    /// <summary>
    /// Sockets per port. More than one binds them all to the port with SO_REUSEPORT (Linux), and the kernel spreads
    /// the routers over them by source address and port; each socket has its own receive queue and threads.
    /// </summary>
    [Range(1, 16)]
    public int SocketsPerPort { get; set; } = 1;

    /// <summary>
    /// Threads per socket that receive datagrams and carry each through validation, the handler and the reply (a
    /// handler that has to wait continues on the thread pool). Default: one per processor core, at most 4.
    /// </summary>
    [Range(1, 64)]
    public int ReceiveLoops { get; set; } = Math.Clamp(Environment.ProcessorCount, 1, 4);

    /// <summary>
    /// SO_RCVBUF in bytes: datagrams the kernel holds while every receiving thread is busy (a burst of logins after a
    /// power cut). The kernel caps it at net.core.rmem_max. 0 keeps the system default (about 200 KB on Linux, a
    /// few hundred requests, after which the kernel drops them silently).
    /// </summary>
    [Range(0, 1 << 30)]
    public int ReceiveBufferSize { get; set; } = 4 * 1024 * 1024;

    /// <summary>Handler invocations in progress per port; a receiving thread waits for a free slot before starting another.</summary>
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
