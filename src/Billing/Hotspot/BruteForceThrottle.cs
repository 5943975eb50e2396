using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// Counts Access-Rejects per device (Calling-Station-Id) and per router in fixed windows, and says how long a reject
/// should be held back once a count passes its threshold: one <see cref="HotspotOptions.RejectDelay"/> per reject over
/// it, at most <see cref="HotspotOptions.MaxRejectDelay"/>. Guessing codes then costs seconds per try while a
/// customer who mistypes once or twice is answered at once. The delay is awaited by the handler alone; the RADIUS
/// server keeps answering other requests meanwhile.
/// </summary>
public sealed class BruteForceThrottle(IOptions<HotspotOptions> options, TimeProvider time, HotspotMetrics metrics)
{
    private const int PruneEvery = 1024;

    private readonly HotspotOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, RejectWindow> _devices = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, RejectWindow> _routers = new(StringComparer.Ordinal);
    private long _recorded;
    private long _delayed;

    /// <summary>How many rejects were delayed so far (tests wait on it; the metric counts the same).</summary>
    public long DelayedRejects => Interlocked.Read(ref _delayed);

    /// <summary>Counts one reject and returns how long to hold it back (zero below the thresholds).</summary>
    public TimeSpan RecordReject(string? device, string router)
    {
        ArgumentNullException.ThrowIfNull(router);
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _recorded) % PruneEvery == 0)
        {
            Prune(now);
        }

        var overDevice = device is null ? 0 : Count(_devices, device, now) - _options.DeviceRejectsBeforeDelay;
        var overRouter = Count(_routers, router, now) - _options.RouterRejectsBeforeDelay;
        var over = Math.Max(overDevice, overRouter);
        if (over <= 0)
        {
            return TimeSpan.Zero;
        }

        Interlocked.Increment(ref _delayed);
        metrics.RejectThrottled(byRouter: overRouter >= overDevice);
        var delay = _options.RejectDelay * over;
        return delay < _options.MaxRejectDelay ? delay : _options.MaxRejectDelay;
    }

    private int Count(ConcurrentDictionary<string, RejectWindow> windows, string key, DateTimeOffset now) =>
        windows.GetOrAdd(key, _ => new RejectWindow()).Add(now, _options.ThrottleWindow);

    /// <summary>Forgets windows that ended, so a scan of random MACs cannot grow memory without bound.</summary>
    private void Prune(DateTimeOffset now)
    {
        foreach (var windows in new[] { _devices, _routers })
        {
            foreach (var (key, window) in windows)
            {
                if (window.HasEnded(now, _options.ThrottleWindow))
                {
                    windows.TryRemove(key, out _);
                }
            }
        }
    }

    private sealed class RejectWindow
    {
        private readonly Lock _lock = new();
        private DateTimeOffset _start = DateTimeOffset.MinValue;
        private int _count;

        public int Add(DateTimeOffset now, TimeSpan length)
        {
            lock (_lock)
            {
                if (now - _start >= length)
                {
                    _start = now;
                    _count = 0;
                }

                return ++_count;
            }
        }

        public bool HasEnded(DateTimeOffset now, TimeSpan length)
        {
            lock (_lock)
            {
                return now - _start >= length;
            }
        }
    }
}
