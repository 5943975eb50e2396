using System.Net;
using System.Text;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// One simulated MikroTik in a load run: its own identity (NAS-Identifier <c>{prefix}-{n}</c>), secret, source address
/// and hotspot subnet. Its packets come from the hotspot simulator's builder (<see cref="RouterOsPackets"/>), so load
/// traffic has exactly the simulated router's shape.
/// </summary>
internal sealed class VirtualRouter
{
    private VirtualRouter(int number, HotspotSimulatorOptions options, RouterOsPackets packets)
    {
        Number = number;
        Options = options;
        Packets = packets;
    }

    /// <summary>1..K.</summary>
    public int Number { get; }

    public HotspotSimulatorOptions Options { get; }

    public RouterOsPackets Packets { get; }

    public byte[] Secret => Packets.Secret;

    public IPAddress SourceAddress => Options.LocalAddress;

    public static IReadOnlyList<VirtualRouter> CreateAll(LoadSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var routers = new VirtualRouter[settings.Routers];
        for (var i = 0; i < routers.Length; i++)
        {
            var number = i + 1;
            var options = new HotspotSimulatorOptions
            {
                AuthServer = new IPEndPoint(settings.Server, settings.AuthPort),
                AcctServer = new IPEndPoint(settings.Server, settings.AcctPort),
                Secret = settings.SecretFor(number),
                Identity = $"{settings.IdentityPrefix}-{number}",
                LocalAddress = settings.DistinctAddresses ? Ipv4Addresses.Add(settings.SourceAddress, i) : settings.SourceAddress,
                // Each router its own customer subnet 10.x.y.0/24 (WISPr-Logoff-URL, client addresses).
                HotspotAddress = new IPAddress([10, (byte)(number >> 8), (byte)number, 1]),
                SendMessageAuthenticator = settings.SendMessageAuthenticator,
                RequireMessageAuthenticator = settings.SendMessageAuthenticator,
                RadiusTimeout = settings.Timeout,
                RadiusRetries = settings.Retries,
                BootCounter = settings.Boot,
                CoaPort = null,
            };
            routers[i] = new VirtualRouter(number, options, new RouterOsPackets(options, Encoding.UTF8.GetBytes(options.Secret)));
        }

        return routers;
    }

    /// <summary>The client address a device gets on this router's hotspot, after the hotspot's own.</summary>
    public IPAddress ClientAddress(int host)
    {
        var hotspot = Options.HotspotAddress.GetAddressBytes();
        return new IPAddress([hotspot[0], hotspot[1], hotspot[2], (byte)(2 + (host % 250))]);
    }
}
