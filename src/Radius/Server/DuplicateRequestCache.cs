using System.Collections.Concurrent;

namespace WifiBilling.Radius.Server;

/// <summary>
/// RFC 5080 §2.2.2 duplicate detection. The first copy of a request claims an entry; a retransmit that arrives while
/// the first is still being handled is dropped, and one that arrives later gets the cached reply octets. Entries live
/// for <c>lifetime</c> after completion; handlers that never finish are forgotten after <c>inProgressLimit</c>.
/// Completed entries also go into a queue in completion order, which with one lifetime for all is expiry order, so
/// the once-a-second sweep removes just the expired ones from its head instead of walking the whole table (at tens of
/// thousands of requests a second the table holds hundreds of thousands of replies). Only the rare handler that
/// never finishes needs a walk, once per <c>inProgressLimit</c>.
/// </summary>
internal sealed class DuplicateRequestCache(TimeProvider timeProvider, TimeSpan lifetime, TimeSpan inProgressLimit)
{
    private readonly ConcurrentDictionary<DuplicateRequestKey, Entry> _entries = new();
    private readonly ConcurrentQueue<KeyValuePair<DuplicateRequestKey, Entry>> _completed = new();
    private readonly Lock _sweepLock = new();
    private long _nextSweepTicks;
    private long _nextStaleScanTicks = timeProvider.GetUtcNow().UtcTicks + inProgressLimit.Ticks;

    public int Count => _entries.Count;

    /// <summary>
    /// True when this is a new request (the caller handles it and later calls <see cref="Complete"/> or
    /// <see cref="Forget"/>). False for a duplicate: <paramref name="cachedReply"/> holds the reply to resend, or null
    /// while the original is still in progress (or deliberately unanswered).
    /// </summary>
    public bool TryBegin(DuplicateRequestKey key, out byte[]? cachedReply)
    {
        var now = timeProvider.GetUtcNow().UtcTicks;
        SweepIfDue(now);
        var fresh = new Entry(now + inProgressLimit.Ticks);
        while (true)
        {
            var existing = _entries.GetOrAdd(key, fresh);
            if (ReferenceEquals(existing, fresh))
            {
                cachedReply = null;
                return true;
            }

            if (Volatile.Read(ref existing.ExpiresAtTicks) > now)
            {
                cachedReply = existing.Reply;
                return false;
            }

            // Expired but not yet swept: replace it and treat the datagram as new.
            _entries.TryRemove(new KeyValuePair<DuplicateRequestKey, Entry>(key, existing));
        }
    }

    /// <summary>Stores the reply (null: the request was deliberately not answered) for retransmits.</summary>
    public void Complete(DuplicateRequestKey key, byte[]? reply)
    {
        if (_entries.TryGetValue(key, out var entry))
        {
            entry.Reply = reply;
            Volatile.Write(ref entry.ExpiresAtTicks, timeProvider.GetUtcNow().UtcTicks + lifetime.Ticks);
            _completed.Enqueue(new KeyValuePair<DuplicateRequestKey, Entry>(key, entry));
        }
    }

    /// <summary>
    /// Sweeps expired replies when no request has arrived for a while (sweeps otherwise ride on requests): after a
    /// burst such as a reboot storm, hundreds of thousands of cached replies would stay in memory until the next one.
    /// </summary>
    public void SweepIdle() => SweepIfDue(timeProvider.GetUtcNow().UtcTicks);

    /// <summary>Forgets the request so that a retransmit is handled afresh (handler failed or accounting not durable).</summary>
    public void Forget(DuplicateRequestKey key) => _entries.TryRemove(key, out _);

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now < due || Interlocked.CompareExchange(ref _nextSweepTicks, now + TimeSpan.TicksPerSecond, due) != due)
        {
            return;
        }

        // One sweeper at a time (a slow walk may outlast the one-second spacing): peek-then-dequeue is then exact.
        if (!_sweepLock.TryEnter())
        {
            return;
        }

        try
        {
            // Removes the entry only if it is still the one queued (a forgotten or re-begun key has a new one).
            while (_completed.TryPeek(out var head) && Volatile.Read(ref head.Value.ExpiresAtTicks) <= now)
            {
                _completed.TryDequeue(out _);
                _entries.TryRemove(head);
            }

            if (now >= _nextStaleScanTicks)
            {
                _nextStaleScanTicks = now + inProgressLimit.Ticks;
                foreach (var pair in _entries)
                {
                    if (Volatile.Read(ref pair.Value.ExpiresAtTicks) <= now)
                    {
                        _entries.TryRemove(pair);
                    }
                }
            }
        }
        finally
        {
            _sweepLock.Exit();
        }
    }

    private sealed class Entry(long expiresAtTicks)
    {
        public long ExpiresAtTicks = expiresAtTicks;
        public volatile byte[]? Reply;
    }
}
