using System.Buffers.Binary;
using System.Net;
using BenchmarkDotNet.Attributes;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Server;

namespace WifiBilling.Benchmarks;

/// <summary>
/// RFC 5080 §2.2.2 duplicate detection as every RADIUS request goes through it: a new request claimed and its reply
/// stored, and a retransmit answered from the stored octets. The cache keeps replies 10 s; a clock that moves 100 µs
/// per reading (two readings per request: 5,000 requests per simulated second) keeps it at the size it has in the
/// 5,000/s latency run, about 50,000 replies. Target: 0 bytes allocated per request (docs/benchmarks.md, latency).
/// </summary>
[MemoryDiagnoser]
public class DuplicateRequestCacheBenchmarks
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan InProgressLimit = TimeSpan.FromMinutes(2);

    /// <summary>An Access-Accept's size with Session-Timeout, interim interval, rate limit, Class and Message-Authenticator.</summary>
    private readonly byte[] _reply = new byte[96];
    private readonly byte[] _destination = new byte[RadiusPacketCodec.MaxPacketLength];
    private DuplicateRequestKey[] _keys = [];
    private DuplicateRequestCache _steady = null!;
    private DuplicateRequestCache _answered = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        // More keys than the cache holds at once, so a key comes back only after its reply has expired.
        _keys = [.. Enumerable.Range(0, 1 << 17).Select(Key)];
        Random.Shared.NextBytes(_reply);
        _steady = new DuplicateRequestCache(new SteppingClock(TimeSpan.FromMicroseconds(100)), Lifetime, InProgressLimit);
        for (var i = 0; i < 200_000; i++)
        {
            AnsweredRequest(); // to the steady size: tables, chunks and queues grown
        }

        _answered = new DuplicateRequestCache(new SteppingClock(TimeSpan.Zero), Lifetime, InProgressLimit);
        foreach (var key in _keys.AsSpan(0, 50_000))
        {
            _answered.Begin(key, _destination, out _);
            _answered.Complete(key, _reply);
        }
    }

    [Benchmark(Description = "new request: claim, then store its reply")]
    public bool AnsweredRequest()
    {
        var key = _keys[_next++ & (_keys.Length - 1)];
        var status = _steady.Begin(key, _destination, out _);
        _steady.Complete(key, _reply);
        return status == DuplicateRequestStatus.New;
    }

    [Benchmark(Description = "retransmit: the stored reply copied out")]
    public int Retransmit()
    {
        _answered.Begin(_keys[_next++ % 50_000], _destination, out var length);
        return length;
    }

    private static DuplicateRequestKey Key(int n)
    {
        Span<byte> authenticator = stackalloc byte[16];
        BinaryPrimitives.WriteInt32BigEndian(authenticator, n);
        return DuplicateRequestKey.Create(new IPEndPoint(IPAddress.Parse("10.0.0.1"), 40000 + (n % 200)), (byte)n, authenticator);
    }

    /// <summary>Moves on by a fixed step at every reading: a steady request rate without waiting for it.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero).UtcTicks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, step.Ticks), TimeSpan.Zero);
    }
}
