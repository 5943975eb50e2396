using System.ComponentModel.DataAnnotations;

namespace WifiBilling.Radius.Coa;

/// <summary>Configuration section <c>Radius:Coa</c>.</summary>
public sealed class RadiusCoaClientOptions
{
    public const string SectionName = "Radius:Coa";

    /// <summary>RFC 5176 §3 port. RouterOS's own default has varied (1700/3799); set it explicitly on the router.</summary>
    [Range(1, 65535)]
    public int DefaultPort { get; set; } = 3799;

    /// <summary>Wait for the first reply; each retransmission waits <see cref="BackoffMultiplier"/> times longer.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retransmissions after the first attempt (same Identifier and authenticator, RFC 5176 §2.3 / RFC 5080 §2.2.1).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    [Range(1.0, 10.0)]
    public double BackoffMultiplier { get; set; } = 2.0;

    /// <summary>Upper bound of one wait.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan MaxTimeout { get; set; } = TimeSpan.FromSeconds(16);

    /// <summary>
    /// Local address to send from; empty sends from any (dual-mode). RouterOS picks the secret by the CoA's source
    /// address, so on a multi-homed host set the address the router knows as its RADIUS server.
    /// </summary>
    public string? BindAddress { get; set; }
}
