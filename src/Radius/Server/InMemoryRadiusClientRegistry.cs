using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace WifiBilling.Radius.Server;

/// <summary>
/// A thread-safe, copy-on-write client list: exact addresses, then CIDR networks (longest prefix first), and
/// NAS-Identifiers (case-sensitive, like a RouterOS identity). Readers never lock.
/// </summary>
public sealed class InMemoryRadiusClientRegistry : IRadiusClientRegistry
{
    private readonly Lock _writeLock = new();
    private Dictionary<IPAddress, RadiusClient> _byAddress = [];
    private (IPNetwork Network, RadiusClient Client)[] _byNetwork = [];
    private Dictionary<string, RadiusClient> _byNasIdentifier = new(StringComparer.Ordinal);

    public void Add(IPAddress address, RadiusClient client)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(client);
        lock (_writeLock)
        {
            _byAddress = new Dictionary<IPAddress, RadiusClient>(_byAddress) { [Normalize(address)] = client };
        }
    }

    public void Add(IPNetwork network, RadiusClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        lock (_writeLock)
        {
            _byNetwork = [.. _byNetwork.Where(e => !e.Network.Equals(network)).Append((Network: network, Client: client))
                .OrderByDescending(e => e.Network.PrefixLength)];
        }
    }

    public void AddNasIdentifier(string nasIdentifier, RadiusClient client)
    {
        ArgumentException.ThrowIfNullOrEmpty(nasIdentifier);
        ArgumentNullException.ThrowIfNull(client);
        lock (_writeLock)
        {
            _byNasIdentifier = new Dictionary<string, RadiusClient>(_byNasIdentifier, StringComparer.Ordinal) { [nasIdentifier] = client };
        }
    }

    public bool TryGetByAddress(IPAddress address, [NotNullWhen(true)] out RadiusClient? client)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = Normalize(address);
        if (_byAddress.TryGetValue(address, out client))
        {
            return true;
        }

        foreach (var (network, candidate) in _byNetwork)
        {
            if (network.Contains(address))
            {
                client = candidate;
                return true;
            }
        }

        client = null;
        return false;
    }

    public bool TryGetByNasIdentifier(string nasIdentifier, [NotNullWhen(true)] out RadiusClient? client) =>
        _byNasIdentifier.TryGetValue(nasIdentifier, out client);

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
