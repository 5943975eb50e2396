using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Storage.Sqlite;

/// <summary>
/// Committed vouchers kept in memory for the login path: a re-login reads its voucher here (microseconds) instead of
/// from a SQLite read transaction, and a reboot storm reads nothing from disk. It only ever holds what some commit
/// made true:
/// <list type="bullet">
/// <item>Every voucher write in this process goes through the one writer (<see cref="SqliteWriter"/>), which
/// publishes the rows its batch wrote after COMMIT returned and before any caller's write completes — so once a
/// revoke, top-up, expiry, usage update, activation or device binding has returned, every later read sees it. A
/// write rolled back (its savepoint or the whole batch) publishes nothing.</item>
/// <item>A reader that missed offers the row it read. Rows carry their version, which every change increments, and
/// the cache keeps the higher of two versions, so a reader whose read predates a commit can never put the older row
/// back over the published one. Emptying the cache (it is full) bumps a generation, and a reader that read before
/// it takes its row back out.</item>
/// </list>
/// Callers get copies: the domain mutates vouchers in place while deciding. The SQLite file must belong to this one
/// process (as the store's single writer already assumes): a change made behind its back, e.g. with the sqlite3
/// tool while the Portal runs, is not seen until restart.
/// </summary>
internal sealed class SqliteVoucherCache(int capacity)
{
    private readonly ConcurrentDictionary<string, Voucher> _vouchers = new(StringComparer.Ordinal);
    private long _generation;

    public int Count => _vouchers.Count;

    /// <summary>Taken by a reader before it reads, handed back to <see cref="Offer"/>.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>A copy of the last committed state of the voucher with this canonical code, if cached.</summary>
    public bool TryGet(string code, [NotNullWhen(true)] out Voucher? voucher)
    {
        if (_vouchers.TryGetValue(code, out var cached))
        {
            voucher = Copy(cached);
            return true;
        }

        voucher = null;
        return false;
    }

    /// <summary>A reader's row, read from a committed state after <paramref name="generation"/> was taken.</summary>
    public void Offer(Voucher read, long generation)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (capacity == 0)
        {
            return;
        }

        if (_vouchers.Count >= capacity)
        {
            Clear();
        }

        var kept = Copy(read);
        Merge(kept);
        if (Generation != generation)
        {
            // Emptied while this row was being read: it may predate a write published (and cleared) meanwhile.
            _vouchers.TryRemove(new KeyValuePair<string, Voucher>(kept.Code.Value, kept));
        }
    }

    /// <summary>Rows a commit wrote (copies taken when they were written), published before the writers hear back.</summary>
    public void Publish(List<Voucher> committed)
    {
        if (capacity == 0)
        {
            return;
        }

        foreach (var voucher in committed)
        {
            Merge(voucher);
        }

        if (_vouchers.Count > capacity)
        {
            Clear();
        }
    }

    /// <summary>A copy sharing the immutable parts (code, plan terms, MACs, strings).</summary>
    internal static Voucher Copy(Voucher voucher) =>
        Voucher.Rehydrate(
            voucher.Code,
            voucher.Plan,
            voucher.Source,
            voucher.Status,
            voucher.CreatedAt,
            voucher.ActivatedAt,
            voucher.ExpiresAt,
            voucher.RevokedAt,
            voucher.ExtraTime,
            voucher.UsedSeconds,
            voucher.UsedBytes,
            voucher.BoundMacs,
            voucher.BatchId,
            voucher.PaymentId,
            voucher.Phone,
            voucher.Note,
            voucher.Version);

    private void Merge(Voucher voucher) =>
        _vouchers.AddOrUpdate(voucher.Code.Value, voucher, (_, existing) => existing.Version >= voucher.Version ? existing : voucher);

    private void Clear()
    {
        // Generation first: a reader that checks it after this point takes its own row back out.
        Interlocked.Increment(ref _generation);
        _vouchers.Clear();
    }
}
