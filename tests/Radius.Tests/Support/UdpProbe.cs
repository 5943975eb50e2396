using System.Net;
using System.Net.Sockets;

namespace WifiBilling.Radius.Tests.Support;

/// <summary>A UDP socket on loopback that sends raw datagrams and waits (with a deadline) for replies.</summary>
public sealed class UdpProbe : IDisposable
{
    private readonly UdpClient _client;

    public UdpProbe(AddressFamily family = AddressFamily.InterNetwork)
    {
        _client = new UdpClient(new IPEndPoint(family == AddressFamily.InterNetwork ? IPAddress.Loopback : IPAddress.IPv6Loopback, 0));
    }

    public IPEndPoint LocalEndPoint => (IPEndPoint)_client.Client.LocalEndPoint!;

    public Task SendAsync(byte[] datagram, IPEndPoint server) => _client.SendAsync(datagram, server).AsTask();

    /// <summary>The next datagram, or null when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<byte[]?> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var result = await _client.ReceiveAsync(cts.Token);
            return result.Buffer;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public async Task<byte[]?> ExchangeAsync(byte[] datagram, IPEndPoint server, TimeSpan? timeout = null)
    {
        await SendAsync(datagram, server);
        return await ReceiveAsync(timeout ?? TimeSpan.FromSeconds(10));
    }

    public void Dispose() => _client.Dispose();
}
