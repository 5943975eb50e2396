using System.Numerics;

namespace WifiBilling.Radius.Server;

internal sealed partial class DuplicateRequestCache
{
    /// <summary>
    /// One lock's share of the cache: a hash table whose entries are structs in one array, chained through indexes
    /// (free slots form a list through the same field), and the reply chunks in the order they were filled.
    /// </summary>
    private sealed class Shard
    {
        private const int MinCapacity = 64;
        private const int ChunkSize = 8 * 1024;

        /// <summary>Free chunks kept for reuse beyond what the live ones suggest (a steady rate fills and frees about as many).</summary>
        private const int MinFreeChunks = 4;

        private readonly Lock _gate = new();
        private readonly Queue<ReplyChunk> _chunks = new();
        private readonly Stack<ReplyChunk> _freeChunks = new();
        private ReplyChunk? _writeChunk;
        private int[] _buckets = new int[MinCapacity]; // 1 + index of the bucket's first entry; 0: empty
        private Entry[] _entries = new Entry[MinCapacity];
        private int _count;
        private int _end; // slots at and above this index have never been used since the last resize
        private int _freeList = -1;

        public int Count
        {
            get
            {
                lock (_gate)
                {
                    return _count;
                }
            }
        }

        public long ReplyBytesHeld
        {
            get
            {
                lock (_gate)
                {
                    return (long)(_chunks.Count + _freeChunks.Count) * ChunkSize;
                }
            }
        }

        public DuplicateRequestStatus Begin(
            in DuplicateRequestKey key, int hash, long now, long inProgressUntil, Span<byte> replyDestination, out int replyLength)
        {
            replyLength = 0;
            lock (_gate)
            {
                var index = Find(key, hash);
                if (index < 0)
                {
                    Add(key, hash, inProgressUntil);
                    return DuplicateRequestStatus.New;
                }

                ref var entry = ref _entries[index];
                if (entry.ExpiresAtTicks <= now)
                {
                    // Expired but not yet swept: the same octets are a new request.
                    entry = new Entry { Key = key, Hash = hash, Next = entry.Next, ExpiresAtTicks = inProgressUntil, State = EntryState.InProgress };
                    return DuplicateRequestStatus.New;
                }

                if (entry.State != EntryState.Answered || entry.ReplyLength > replyDestination.Length)
                {
                    return DuplicateRequestStatus.InProgress;
                }

                entry.Chunk!.Bytes.AsSpan(entry.ReplyOffset, entry.ReplyLength).CopyTo(replyDestination);
                replyLength = entry.ReplyLength;
                return DuplicateRequestStatus.Answered;
            }
        }

        public void Complete(in DuplicateRequestKey key, int hash, long expiresAt, ReadOnlySpan<byte> reply, bool answered)
        {
            lock (_gate)
            {
                var index = Find(key, hash);
                if (index < 0)
                {
                    return; // forgotten meanwhile (stale, or shut down)
                }

                ref var entry = ref _entries[index];
                entry.ExpiresAtTicks = expiresAt;
                if (!answered)
                {
                    entry.State = EntryState.Unanswered;
                    entry.Chunk = null;
                    return;
                }

                entry.Chunk = Store(reply, expiresAt, out entry.ReplyOffset);
                entry.ReplyLength = reply.Length;
                entry.State = EntryState.Answered;
            }
        }

        public void Forget(in DuplicateRequestKey key, int hash)
        {
            lock (_gate)
            {
                var index = Find(key, hash);
                if (index >= 0)
                {
                    Remove(index);
                }
            }
        }

        /// <summary>
        /// Removes what has expired (replies after their lifetime, handlers stuck past the in-progress limit), then
        /// frees the chunks whose replies have all gone, then shrinks the table if a burst left it mostly empty.
        /// Entries go first: every reply in a chunk expires no later than the chunk's last one, so no entry still
        /// points into a chunk that is freed.
        /// </summary>
        public void Sweep(long now)
        {
            lock (_gate)
            {
                for (var i = 0; i < _end; i++)
                {
                    if (_entries[i].State != EntryState.Free && _entries[i].ExpiresAtTicks <= now)
                    {
                        Remove(i);
                    }
                }

                while (_chunks.TryPeek(out var oldest) && oldest.LastExpiresAtTicks <= now)
                {
                    oldest.Used = 0;
                    if (ReferenceEquals(oldest, _writeChunk))
                    {
                        break; // all of its replies have expired: it is refilled from the start
                    }

                    _chunks.Dequeue();
                    _freeChunks.Push(oldest);
                }

                // Keep what the next second will likely need; the rest of a burst's chunks go back to the GC.
                while (_freeChunks.Count > Math.Max(MinFreeChunks, _chunks.Count / 2))
                {
                    _freeChunks.Pop();
                }

                if (_entries.Length > MinCapacity && _count < _entries.Length / 8)
                {
                    Resize(Math.Max(MinCapacity, (int)BitOperations.RoundUpToPowerOf2((uint)(_count * 2))));
                }
            }
        }

        private int Find(in DuplicateRequestKey key, int hash)
        {
            for (var i = _buckets[hash & (_buckets.Length - 1)] - 1; i >= 0; i = _entries[i].Next)
            {
                if (_entries[i].Hash == hash && _entries[i].Key == key)
                {
                    return i;
                }
            }

            return -1;
        }

        private void Add(in DuplicateRequestKey key, int hash, long inProgressUntil)
        {
            int index;
            if (_freeList >= 0)
            {
                index = _freeList;
                _freeList = _entries[index].Next;
            }
            else
            {
                if (_end == _entries.Length)
                {
                    Resize(_entries.Length * 2);
                }

                index = _end++;
            }

            ref var bucket = ref _buckets[hash & (_buckets.Length - 1)];
            _entries[index] = new Entry { Key = key, Hash = hash, Next = bucket - 1, ExpiresAtTicks = inProgressUntil, State = EntryState.InProgress };
            bucket = index + 1;
            _count++;
        }

        private void Remove(int index)
        {
            ref var bucket = ref _buckets[_entries[index].Hash & (_buckets.Length - 1)];
            if (bucket - 1 == index)
            {
                bucket = _entries[index].Next + 1;
            }
            else
            {
                var previous = bucket - 1;
                while (_entries[previous].Next != index)
                {
                    previous = _entries[previous].Next;
                }

                _entries[previous].Next = _entries[index].Next;
            }

            _entries[index] = new Entry { Next = _freeList, State = EntryState.Free };
            _freeList = index;
            _count--;
        }

        /// <summary>New arrays holding the live entries packed from index 0 (growing, or shrinking after a burst).</summary>
        private void Resize(int capacity)
        {
            var entries = new Entry[capacity];
            var buckets = new int[capacity];
            var count = 0;
            for (var i = 0; i < _end; i++)
            {
                if (_entries[i].State == EntryState.Free)
                {
                    continue;
                }

                ref var bucket = ref buckets[_entries[i].Hash & (capacity - 1)];
                entries[count] = _entries[i];
                entries[count].Next = bucket - 1;
                bucket = count + 1;
                count++;
            }

            _entries = entries;
            _buckets = buckets;
            _end = count;
            _freeList = -1;
        }

        /// <summary>Copies the reply into the chunk being filled, starting a new one (a reused one if any) when it is full.</summary>
        private ReplyChunk Store(ReadOnlySpan<byte> reply, long expiresAt, out int offset)
        {
            if (_writeChunk is null || _writeChunk.Bytes.Length - _writeChunk.Used < reply.Length)
            {
                // A RADIUS packet (at most 4,096 octets) always fits in an empty chunk; the larger size is a safeguard.
                _writeChunk = _freeChunks.TryPop(out var reused) && reused.Bytes.Length >= reply.Length
                    ? reused
                    : new ReplyChunk(Math.Max(ChunkSize, reply.Length));
                _chunks.Enqueue(_writeChunk);
            }

            offset = _writeChunk.Used;
            reply.CopyTo(_writeChunk.Bytes.AsSpan(offset));
            _writeChunk.Used += reply.Length;
            _writeChunk.LastExpiresAtTicks = Math.Max(_writeChunk.LastExpiresAtTicks, expiresAt);
            return _writeChunk;
        }

        private enum EntryState : byte
        {
            Free,
            InProgress,
            Unanswered,
            Answered,
        }

        private struct Entry
        {
            public DuplicateRequestKey Key;
            public long ExpiresAtTicks;
            public ReplyChunk? Chunk;
            public int Hash;
            public int Next; // next entry in the bucket's chain, or in the free list; -1 ends either
            public int ReplyOffset;
            public int ReplyLength;
            public EntryState State;
        }

        private sealed class ReplyChunk(int size)
        {
            public byte[] Bytes { get; } = new byte[size];

            public int Used { get; set; }

            public long LastExpiresAtTicks { get; set; }
        }
    }
}
