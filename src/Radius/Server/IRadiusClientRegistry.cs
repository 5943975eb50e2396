using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace WifiBilling.Radius.Server;

/// <summary>
/// Finds the NAS a datagram came from. Called on every datagram, so implementations answer from memory (keep a
/// snapshot) and never block. The server asks by source address first (exact or CIDR: the registry decides) and only
/// then by NAS-Identifier, for routers behind NAT; a client found by NAS-Identifier must prove itself with a valid
/// Message-Authenticator on Access-Request and Status-Server.
/// </summary>
public interface IRadiusClientRegistry
{
    bool TryGetByAddress(IPAddress address, [NotNullWhen(true)] out RadiusClient? client);

    bool TryGetByNasIdentifier(string nasIdentifier, [NotNullWhen(true)] out RadiusClient? client);
}
