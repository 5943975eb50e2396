namespace WifiBilling.Portal.Routers;

/// <summary>
/// The server side of the optional WireGuard tunnel in mikrotik-radius.rsc: a router behind NAT dials the server, and
/// RADIUS and CoA then run over the tunnel addresses (without it the server cannot reach the router for CoA).
/// </summary>
public sealed record MikrotikScriptWireGuard
{
    /// <summary>The server's WireGuard public key (base64 of 32 bytes).</summary>
    public required string ServerPublicKey { get; init; }

    /// <summary>Public host name or IPv4 address of the server's WireGuard endpoint.</summary>
    public required string ServerEndpoint { get; init; }

    public int ServerPort { get; init; } = 51820;

    /// <summary>The server's address inside the tunnel; the router's /radius entry points at it.</summary>
    public string ServerTunnelAddress { get; init; } = "10.66.0.1";

    /// <summary>This router's address inside the tunnel; the server sends CoA to it.</summary>
    public required string RouterTunnelAddress { get; init; }

    public int PrefixLength { get; init; } = 24;
}
