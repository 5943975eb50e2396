using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using Microsoft.Extensions.Logging;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Billing.Domain.Sessions;
using WifiBilling.Radius.Server;

namespace WifiBilling.Billing.Hotspot;

/// <summary>
/// The RADIUS client registry backed by the router store: an in-memory snapshot of the enabled routers (exact
/// address, CIDR, NAS-Identifier; <see cref="RadiusClient.Id"/> = router id), swapped whole when the store's change
/// version moves. The server asks it on every datagram, so lookups only read the current snapshot.
/// <see cref="RefreshIfChangedAsync"/> is polled by <see cref="RouterRegistryRefresher"/>; the router endpoints call
/// <see cref="RefreshAsync"/> after a change so it applies at once here and within a poll interval elsewhere.
/// </summary>
public sealed partial class RouterRegistry(IRouterStore routers, ILogger<RouterRegistry> logger) : IRadiusClientRegistry, IDisposable
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private readonly ConcurrentDictionary<(string RouterId, IPAddress? NasIpAddress), IPAddress> _lastSources = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    /// <summary>The store's router change version this snapshot was built from (−1 before the first load).</summary>
    public long Version => _snapshot.Version;

    /// <summary>Enabled routers known right now.</summary>
    public int Count => _snapshot.Routers.Count;

    public bool TryGetByAddress(IPAddress address, [NotNullWhen(true)] out RadiusClient? client) =>
        _snapshot.Clients.TryGetByAddress(address, out client);

    public bool TryGetByNasIdentifier(string nasIdentifier, [NotNullWhen(true)] out RadiusClient? client) =>
        _snapshot.Clients.TryGetByNasIdentifier(nasIdentifier, out client);

    /// <summary>An enabled router with its clear secret (for CoA and the router script); false when unknown or disabled.</summary>
    public bool TryGetRouter(string routerId, [NotNullWhen(true)] out RouterCredentials? router) =>
        _snapshot.Routers.TryGetValue(routerId, out router);

    /// <summary>Reloads the snapshot from the store now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var loaded = await routers.GetRegistrySnapshotAsync(cancellationToken).ConfigureAwait(false);
            _snapshot = Snapshot.From(loaded);
            LogLoaded(logger, loaded.Routers.Count, loaded.Version);
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    /// <summary>Reloads only when the store's change version differs from the snapshot's (one cheap read otherwise).</summary>
    public async Task<bool> RefreshIfChangedAsync(CancellationToken cancellationToken)
    {
        var version = await routers.GetChangeVersionAsync(cancellationToken).ConfigureAwait(false);
        if (version == _snapshot.Version)
        {
            return false;
        }

        await RefreshAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Remembers where a router's packets come from (the way back for CoA when its entry is a CIDR or a NAS-Identifier).</summary>
    public void NoteSource(string routerId, IPAddress? nasIpAddress, IPAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _lastSources[(routerId, nasIpAddress)] = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
    }

    /// <summary>
    /// Where to send a Disconnect/CoA for <paramref name="session"/>: the router's own address when its entry is one
    /// host; otherwise the address its packets for that NAS came from last; otherwise the NAS-IP-Address it reported.
    /// RouterOS picks the secret by our source address and matches the session itself (mikrotik.md §4.2).
    /// </summary>
    public static IPAddress? CoaAddress(RouterCredentials router, AccountingSession session, IPAddress? lastSource)
    {
        ArgumentNullException.ThrowIfNull(router);
        ArgumentNullException.ThrowIfNull(session);
        if (router.Router.Address is { IsSingleHost: true } address)
        {
            return address.Network.BaseAddress;
        }

        return lastSource ?? session.NasIpAddress;
    }

    public IPAddress? LastSource(string routerId, IPAddress? nasIpAddress) =>
        _lastSources.TryGetValue((routerId, nasIpAddress), out var source) ? source : null;

    public void Dispose() => _refreshLock.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Router registry loaded {Count} enabled routers (change version {Version})")]
    private static partial void LogLoaded(ILogger logger, int count, long version);

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new(-1, new InMemoryRadiusClientRegistry(), new Dictionary<string, RouterCredentials>());

        private Snapshot(long version, InMemoryRadiusClientRegistry clients, Dictionary<string, RouterCredentials> routers)
        {
            Version = version;
            Clients = clients;
            Routers = routers;
        }

        public long Version { get; }

        public InMemoryRadiusClientRegistry Clients { get; }

        public Dictionary<string, RouterCredentials> Routers { get; }

        public static Snapshot From(RouterRegistrySnapshot loaded)
        {
            var clients = new InMemoryRadiusClientRegistry();
            var byId = new Dictionary<string, RouterCredentials>(StringComparer.Ordinal);
            foreach (var credentials in loaded.Routers)
            {
                var router = credentials.Router;
                var client = new RadiusClient(router.Name, credentials.SharedSecret)
                {
                    Id = router.Id,
                    RequireMessageAuthenticator = router.RequireMessageAuthenticator,
                };
                if (router.Address is { } address)
                {
                    if (address.IsSingleHost)
                    {
                        clients.Add(address.Network.BaseAddress, client);
                    }
                    else
                    {
                        clients.Add(address.Network, client);
                    }
                }

                if (router.NasIdentifier is { } nasIdentifier)
                {
                    clients.AddNasIdentifier(nasIdentifier, client);
                }

                byId[router.Id] = credentials;
            }

            return new Snapshot(loaded.Version, clients, byId);
        }
    }
}
