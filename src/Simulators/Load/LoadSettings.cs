using System.Net;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// One load run: who is the server, how many virtual routers (each its own secret, source port(s) and optionally its
/// own loopback source address, so each is a distinct RADIUS client), what they send, and how fast: open loop at a
/// fixed rate, or closed loop keeping a number of requests outstanding (maximum throughput). Timeouts and
/// retransmissions follow RouterOS (mikrotik.md §3.2, §5.1): the same octets every <see cref="Timeout"/>,
/// <see cref="Retries"/> times.
/// </summary>
public sealed class LoadSettings
{
    /// <summary>Most requests one run prepares (they are built before the clock starts; about 300 bytes each).</summary>
    public const int MaxRequests = 4_000_000;

    public required IPAddress Server { get; init; }

    public int AuthPort { get; init; } = 1812;

    public int AcctPort { get; init; } = 1813;

    /// <summary>The shared secret; <c>{router}</c> is replaced by the router's number (1..K), so each router has its own.</summary>
    public required string Secret { get; init; }

    public LoadKind Kind { get; init; } = LoadKind.Pap;

    /// <summary>Voucher codes: User-Name and password of logins, User-Name of accounting. Not needed for MAC logins.</summary>
    public IReadOnlyList<string> Vouchers { get; init; } = [];

    public int Routers { get; init; } = 10;

    /// <summary>Router 1's source address; with <see cref="DistinctAddresses"/> router n sends from this + (n − 1).</summary>
    public IPAddress SourceAddress { get; init; } = IPAddress.Loopback;

    public bool DistinctAddresses { get; init; }

    /// <summary>UDP source ports per router; each has 256 Identifiers, so more ports allow more requests in flight.</summary>
    public int PortsPerRouter { get; init; } = 1;

    /// <summary>Requests in the measured phase.</summary>
    public int Requests { get; init; } = 10_000;

    /// <summary>Open loop: requests per second. Null: closed loop with <see cref="Concurrency"/> outstanding.</summary>
    public double? Rate { get; init; }

    public int Concurrency { get; init; } = 64;

    /// <summary>
    /// A first, separately reported phase: for logins one request per voucher (activates them, binds their device);
    /// for Interim/Stop the Starts of the sessions. Always done for Interim and Stop.
    /// </summary>
    public bool SetupPass { get; init; }

    /// <summary>Sessions for Interim and Stop (0: one per voucher, at most <see cref="Requests"/>).</summary>
    public int Sessions { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(1100);

    public int Retries { get; init; } = 3;

    public bool SendMessageAuthenticator { get; init; } = true;

    /// <summary>Routers are named <c>{prefix}-{n}</c> (NAS-Identifier).</summary>
    public string IdentityPrefix { get; init; } = "load";

    /// <summary>The boot symbol in Acct-Session-Ids (0–15): a new one per run keeps runs' sessions apart.</summary>
    public int Boot { get; init; } = 1;

    /// <summary>A process whose memory (VmRSS, VmHWM) is reported at the end, e.g. the server under test (Linux).</summary>
    public int? ServerProcessId { get; init; }

    public string? Label { get; init; }

    public bool IsAccounting => Kind is LoadKind.Start or LoadKind.Interim or LoadKind.Stop;

    public int EffectiveSessions => Sessions > 0 ? Sessions : Math.Min(Requests, Math.Max(1, Vouchers.Count));

    public string SecretFor(int router) => Secret.Replace("{router}", router.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Null when the settings can run; otherwise what is wrong, naming the option.</summary>
    public string? Problem()
    {
        if (Routers is < 1 or > 4096)
        {
            return "--routers must be 1 to 4096";
        }

        if (PortsPerRouter is < 1 or > 64)
        {
            return "--ports-per-router must be 1 to 64";
        }

        if (Requests is < 1 or > MaxRequests || (Kind is LoadKind.Interim or LoadKind.Stop && EffectiveSessions > MaxRequests))
        {
            return $"--requests (and --sessions) must be 1 to {MaxRequests}";
        }

        if (Rate is { } rate && (rate <= 0 || double.IsNaN(rate) || double.IsInfinity(rate)))
        {
            return "--rate must be a positive number of requests per second";
        }

        if (Concurrency is < 1 or > 1_000_000)
        {
            return "--concurrency must be 1 to 1000000";
        }

        if (Timeout <= TimeSpan.Zero || Retries is < 0 or > 20)
        {
            return "--timeout must be positive and --retries 0 to 20";
        }

        if (Boot is < 0 or > 15)
        {
            return "--boot must be 0 to 15";
        }

        if (string.IsNullOrEmpty(Secret))
        {
            return "--secret is required";
        }

        if (Kind != LoadKind.Mac && Vouchers.Count == 0)
        {
            return "--vouchers FILE (one code per line) is required for this kind";
        }

        if (Kind == LoadKind.Stop && Requests > EffectiveSessions)
        {
            return "--requests must not exceed --sessions for Stop (one Stop per session)";
        }

        return null;
    }
}
