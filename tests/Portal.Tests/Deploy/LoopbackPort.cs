using System.Net;
using System.Net.Sockets;

namespace WifiBilling.Portal.Tests.Deploy;

internal static class LoopbackPort
{
    /// <summary>A TCP port on 127.0.0.1 that nothing listens on right now (the OS picked it, then it was released).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
