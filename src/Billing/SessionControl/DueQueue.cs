namespace WifiBilling.Billing.SessionControl;

/// <summary>
/// Keys with a due time, and one <see cref="TimeProvider"/> timer armed for the earliest: a consumer awaits
/// <see cref="WaitForDueAsync"/> and gets every key whose time has come. Setting a key again replaces its time.
/// Thousands of vouchers cost one timer, and a FakeTimeProvider drives it in tests.
/// </summary>
public sealed class DueQueue<TKey> : IDisposable
    where TKey : notnull
{
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<TKey, DateTimeOffset> _due = [];

    // Entries whose time no longer matches _due are stale and skipped when they reach the top.
    private readonly PriorityQueue<TKey, DateTimeOffset> _order = new();
    private readonly SemaphoreSlim _changed = new(0, 1);
    private readonly ITimer _timer;

    public DueQueue(TimeProvider time)
    {
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _timer = time.CreateTimer(_ => Signal(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _due.Count;
            }
        }
    }

    /// <summary>Sets (or replaces) when <paramref name="key"/> is due.</summary>
    public void Set(TKey key, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (_due.TryGetValue(key, out var current) && current == due)
            {
                return;
            }

            _due[key] = due;
            _order.Enqueue(key, due);
        }

        Signal();
    }

    /// <summary>Sets <paramref name="key"/> due at <paramref name="due"/> unless it is already due earlier.</summary>
    public void SetNoLaterThan(TKey key, DateTimeOffset due)
    {
        lock (_lock)
        {
            if (_due.TryGetValue(key, out var current) && current <= due)
            {
                return;
            }

            _due[key] = due;
            _order.Enqueue(key, due);
        }

        Signal();
    }

    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            return _due.Remove(key);
        }
    }

    public bool TryGetDue(TKey key, out DateTimeOffset due)
    {
        lock (_lock)
        {
            return _due.TryGetValue(key, out due);
        }
    }

    /// <summary>Waits until at least one key is due, removes the due keys and returns them.</summary>
    public async Task<IReadOnlyList<TKey>> WaitForDueAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var ready = TakeDue();
            if (ready.Count > 0)
            {
                return ready;
            }

            await _changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _changed.Dispose();
    }

    private List<TKey> TakeDue()
    {
        var ready = new List<TKey>();
        lock (_lock)
        {
            var now = _time.GetUtcNow();
            var next = Timeout.InfiniteTimeSpan;
            while (_order.TryPeek(out var key, out var due))
            {
                if (!_due.TryGetValue(key, out var current) || current != due)
                {
                    _order.Dequeue();
                    continue;
                }

                if (due > now)
                {
                    next = due - now;
                    break;
                }

                _order.Dequeue();
                _due.Remove(key);
                ready.Add(key);
            }

            _timer.Change(next, Timeout.InfiniteTimeSpan);
        }

        return ready;
    }

    private void Signal()
    {
        try
        {
            if (_changed.CurrentCount == 0)
            {
                _changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Another signal got there first; one pending wake-up is enough.
        }
        catch (ObjectDisposedException)
        {
            // A timer tick racing with shutdown.
        }
    }
}
