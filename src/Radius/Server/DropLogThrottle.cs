namespace WifiBilling.Radius.Server;

/// <summary>
/// Rate-limits the Warning logged for dropped datagrams: at most one per reason per interval, so a flood of forged
/// or misconfigured packets cannot flood the log. The suppressed count goes into the next Warning.
/// </summary>
internal sealed class DropLogThrottle(TimeProvider timeProvider, TimeSpan interval)
{
    private readonly long[] _nextAllowedTicks = new long[Enum.GetValues<RadiusDropReason>().Length];
    private readonly long[] _suppressed = new long[Enum.GetValues<RadiusDropReason>().Length];

    /// <summary>True when this drop may be logged; <paramref name="suppressed"/> is how many were not logged before it.</summary>
    public bool ShouldLog(RadiusDropReason reason, out long suppressed)
    {
        var index = (int)reason;
        var now = timeProvider.GetUtcNow().UtcTicks;
        var next = Interlocked.Read(ref _nextAllowedTicks[index]);
        if (now >= next && Interlocked.CompareExchange(ref _nextAllowedTicks[index], now + interval.Ticks, next) == next)
        {
            suppressed = Interlocked.Exchange(ref _suppressed[index], 0);
            return true;
        }

        Interlocked.Increment(ref _suppressed[index]);
        suppressed = 0;
        return false;
    }
}
