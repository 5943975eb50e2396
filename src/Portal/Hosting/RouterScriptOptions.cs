namespace WifiBilling.Portal.Hosting;

/// <summary>
/// The server's public side, for <c>GET /api/admin/routers/{id}/script</c>: where routers reach RADIUS
/// (<c>Radius:PublicAddress</c>, IPv4; ports <c>Radius:PublicAuthPort</c>/<c>PublicAcctPort</c>, default 1812/1813;
/// optional <c>Radius:SecondaryPublicAddress</c>) and the portal host customers open (<c>Portal:PublicHost</c>).
/// Not validated at start: a portal without routers needs none of them; the script endpoint names a missing one.
/// </summary>
public sealed class RouterScriptOptions
{
    public string? RadiusPublicAddress { get; set; }

    public string? RadiusSecondaryPublicAddress { get; set; }

    public int RadiusPublicAuthPort { get; set; } = 1812;

    public int RadiusPublicAcctPort { get; set; } = 1813;

    public string? PortalPublicHost { get; set; }
}
