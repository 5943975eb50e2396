namespace WifiBilling.Portal.Routers;

/// <summary>
/// What <see cref="MikrotikScriptGenerator"/> fills into mikrotik-radius.rsc for one router: the router's own values
/// (NAS-Identifier, shared secret, CoA port) and the server's public values (RADIUS address and ports, portal host).
/// </summary>
public sealed record MikrotikScriptValues
{
    /// <summary>IPv4 address at which the router reaches the RADIUS server (RouterOS /radius takes no host names).</summary>
    public required string RadiusServerAddress { get; init; }

    /// <summary>The router's RADIUS shared secret, in clear (the script carries it to the router).</summary>
    public required string RadiusSecret { get; init; }

    /// <summary>Host name (or IPv4 address) of the portal that customers open; goes into the walled garden.</summary>
    public required string PortalHost { get; init; }

    /// <summary>The router's NAS-Identifier; the script sets it as the router identity.</summary>
    public required string NasIdentifier { get; init; }

    /// <summary>UDP port the router listens on for Disconnect/CoA (RFC 5176).</summary>
    public int CoaPort { get; init; } = 3799;

    public int RadiusAuthPort { get; init; } = 1812;

    public int RadiusAcctPort { get; init; } = 1813;

    /// <summary>Optional second server instance, tried by the router when the first does not answer.</summary>
    public string? SecondaryRadiusServerAddress { get; init; }

    /// <summary>Ports of the second instance (default: the same as the first).</summary>
    public int? SecondaryRadiusAuthPort { get; init; }

    public int? SecondaryRadiusAcctPort { get; init; }

    /// <summary>Optional source address for the router's RADIUS packets (the address the server knows it by).</summary>
    public string? RadiusSourceAddress { get; init; }

    /// <summary>Optional tunnel for a router behind NAT; when set, RADIUS and CoA use the tunnel addresses.</summary>
    public MikrotikScriptWireGuard? WireGuard { get; init; }
}
