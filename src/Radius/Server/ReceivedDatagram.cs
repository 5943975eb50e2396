using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Server;

/// <summary>A received datagram: a buffer rented from <see cref="ArrayPool{T}"/> and the sender's address.</summary>
internal sealed class ReceivedDatagram(AddressFamily family)
{
    public SocketAddress Address { get; } = new(family);

    public byte[] Buffer { get; private set; } = [];

    public int Length { get; set; }

    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    /// <summary>
    /// Holders are reused so that receiving allocates nothing in steady state; buffers come from the shared array pool
    /// and go back to it as soon as the request is done.
    /// </summary>
    internal sealed class Pool(AddressFamily family, int maxRetained)
    {
        private readonly ConcurrentQueue<ReceivedDatagram> _free = new();
        private int _count;

        public ReceivedDatagram Rent()
        {
            if (_free.TryDequeue(out var datagram))
            {
                Interlocked.Decrement(ref _count);
            }
            else
            {
                datagram = new ReceivedDatagram(family);
            }

            datagram.Buffer = ArrayPool<byte>.Shared.Rent(RadiusPacketCodec.MaxPacketLength);
            datagram.Length = 0;
            return datagram;
        }

        public void Return(ReceivedDatagram datagram)
        {
            ArrayPool<byte>.Shared.Return(datagram.Buffer);
            datagram.Buffer = [];
            if (Interlocked.Increment(ref _count) <= maxRetained)
            {
                _free.Enqueue(datagram);
            }
            else
            {
                Interlocked.Decrement(ref _count);
            }
        }
    }

    /// <summary>The sender as an <see cref="IPEndPoint"/>, IPv4-mapped IPv6 addresses (dual-mode sockets) turned back into IPv4.</summary>
    public IPEndPoint GetRemoteEndPoint(IPEndPoint template)
    {
        var endPoint = (IPEndPoint)template.Create(Address);
        return endPoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endPoint.Address.MapToIPv4(), endPoint.Port) : endPoint;
    }
}
