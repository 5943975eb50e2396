using System.Collections.Concurrent;

namespace WifiBilling.Billing.Payments.Recovery;

/// <summary>
/// Counts attempts per key in fixed windows that start at a key's first attempt, on the injected
/// <see cref="TimeProvider"/> (System.Threading.RateLimiting's limiters run on their own clock, which tests cannot
/// move). In memory, per instance: enough to make guessing receipts slow. Expired windows are pruned as it goes.
/// </summary>
public sealed class AttemptLimiter(TimeProvider time)
{
    private const int PruneEvery = 1024;

    private readonly ConcurrentDictionary<string, AttemptWindow> _windows = new(StringComparer.Ordinal);
    private int _calls;

    /// <summary>Counts one attempt for <paramref name="key"/>; false (not counted) when <paramref name="limit"/> were already made.</summary>
    public bool TryAcquire(string key, int limit, TimeSpan window)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _calls) % PruneEvery == 0)
        {
            foreach (var (staleKey, stale) in _windows.Where(w => w.Value.EndsAt <= now))
            {
                _windows.TryRemove(new KeyValuePair<string, AttemptWindow>(staleKey, stale));
            }
        }

        while (true)
        {
            var current = _windows.GetOrAdd(key, _ => new AttemptWindow(now + window, 0));
            var next = current.EndsAt <= now ? new AttemptWindow(now + window, 1) : current with { Count = current.Count + 1 };
            if (next.Count > limit)
            {
                return false;
            }

            if (_windows.TryUpdate(key, next, current))
            {
                return true;
            }
        }
    }

    private sealed record AttemptWindow(DateTimeOffset EndsAt, int Count);
}
