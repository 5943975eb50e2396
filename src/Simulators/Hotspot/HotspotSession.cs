using System.Net;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// One logged-in client, as <c>/ip hotspot active</c> shows it: the Acct-Session-Id, the limits the Access-Accept
/// granted (or a CoA changed), and the traffic counters. Counters change through
/// <see cref="HotspotSimulator.AddTraffic"/>; the simulator ends the session (Stop) when a limit is reached, on logout,
/// or on a Disconnect-Request.
/// </summary>
public sealed class HotspotSession
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<AcctTerminateCause> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _inputOctets;
    private long _outputOctets;
    private long _inputPackets;
    private long _outputPackets;

    internal HotspotSession(string acctSessionId, string userName, string mac, IPAddress framedIpAddress, DateTimeOffset startedAt, IReadOnlyList<RadiusAttribute> classes)
    {
        AcctSessionId = acctSessionId;
        UserName = userName;
        Mac = mac;
        FramedIpAddress = framedIpAddress;
        StartedAt = startedAt;
        LastActivity = startedAt;
        Classes = classes;
    }

    public string AcctSessionId { get; }

    /// <summary>NAS-Port: the Acct-Session-Id read as a hex number (seen in every RouterOS log, mikrotik.md §1.1).</summary>
    public uint NasPort => RouterOsPackets.NasPort(AcctSessionId);

    public string UserName { get; }

    /// <summary>Calling-Station-Id: upper-case with colons.</summary>
    public string Mac { get; }

    public IPAddress FramedIpAddress { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Class attributes of the Access-Accept, echoed unchanged in every Accounting-Request (RFC 2865 §5.25).</summary>
    public IReadOnlyList<RadiusAttribute> Classes { get; }

    public uint? SessionTimeout { get; internal set; }

    public uint? IdleTimeout { get; internal set; }

    /// <summary>The interim interval in use, or null when no interims are sent.</summary>
    public TimeSpan? InterimInterval { get; internal set; }

    public string? RateLimit { get; internal set; }

    /// <summary>Mikrotik-Total-Limit with its gigawords: bytes in plus out allowed in this session.</summary>
    public long? TotalLimit { get; internal set; }

    public DateTimeOffset LastActivity { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public AcctTerminateCause? TerminateCause { get; private set; }

    public bool IsActive => EndedAt is null;

    /// <summary>Bytes received from the client (its upload): Acct-Input-Octets.</summary>
    public long InputOctets => Interlocked.Read(ref _inputOctets);

    /// <summary>Bytes sent to the client (its download): Acct-Output-Octets.</summary>
    public long OutputOctets => Interlocked.Read(ref _outputOctets);

    public long InputPackets => Interlocked.Read(ref _inputPackets);

    public long OutputPackets => Interlocked.Read(ref _outputPackets);

    /// <summary>Completes with the terminate cause once the session ended and its Stop went out.</summary>
    public Task<AcctTerminateCause> Ended => _ended.Task;

    /// <summary>Whole seconds since login on the router's clock (capped at the end).</summary>
    public uint SessionTime(DateTimeOffset now)
    {
        var end = EndedAt ?? now;
        return (uint)Math.Max(0, Math.Floor((end - StartedAt).TotalSeconds));
    }

    public override string ToString() => $"{AcctSessionId} {Mac} {FramedIpAddress}";

    internal void Count(long upload, long download, DateTimeOffset now)
    {
        Interlocked.Add(ref _inputOctets, upload);
        Interlocked.Add(ref _outputOctets, download);
        Interlocked.Add(ref _inputPackets, Math.Max(1, upload / 1500));
        Interlocked.Add(ref _outputPackets, Math.Max(1, download / 1500));
        lock (_lock)
        {
            LastActivity = now;
        }
    }

    /// <summary>Marks the session ended; false when it already was (the first cause wins).</summary>
    internal bool TryEnd(AcctTerminateCause cause, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (EndedAt is not null)
            {
                return false;
            }

            EndedAt = at;
            TerminateCause = cause;
            return true;
        }
    }

    internal void CompleteEnded() => _ended.TrySetResult(TerminateCause ?? AcctTerminateCause.UserRequest);
}
