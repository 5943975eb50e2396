using System.Net;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>
/// One simulated MikroTik router (RouterOS 7.15+) with a hotspot that uses RADIUS: its identity, addresses, the
/// <c>/radius</c> entry (server, secret, timeout, require-message-auth), <c>/radius incoming</c> (CoA port) and the
/// hotspot profile knobs that change what goes on the wire.
/// </summary>
public sealed class HotspotSimulatorOptions
{
    /// <summary>The RADIUS server's authentication endpoint (<c>/radius address</c> + <c>authentication-port</c>).</summary>
    public required IPEndPoint AuthServer { get; set; }

    /// <summary>The RADIUS server's accounting endpoint.</summary>
    public required IPEndPoint AcctServer { get; set; }

    public required string Secret { get; set; }

    /// <summary><c>/system identity</c>, sent as NAS-Identifier.</summary>
    public string Identity { get; set; } = "MikroTik";

    /// <summary>The hotspot server's name (<c>/ip hotspot name=</c>), sent as Called-Station-Id.</summary>
    public string HotspotServerName { get; set; } = "hotspot1";

    /// <summary>The hotspot interface (bridge port), sent as NAS-Port-Id.</summary>
    public string InterfaceName { get; set; } = "bridge-hotspot";

    /// <summary>Where the router's RADIUS packets come from (<c>/radius src-address</c>); also where it listens for CoA.</summary>
    public IPAddress LocalAddress { get; set; } = IPAddress.Loopback;

    /// <summary>NAS-IP-Address: "IP address of the router itself" (mikrotik.md §1.1); defaults to <see cref="LocalAddress"/>.</summary>
    public IPAddress? NasIpAddress { get; set; }

    /// <summary>The hotspot's own address on the customer side (WISPr-Logoff-URL); clients get addresses after it.</summary>
    public IPAddress HotspotAddress { get; set; } = IPAddress.Parse("10.5.50.1");

    /// <summary><c>/radius incoming port</c>; 0 picks a free port (tests). Null: no CoA listener (<c>accept=no</c>).</summary>
    public int? CoaPort { get; set; } = 3799;

    /// <summary>RouterOS ≥ 7.15 sends Message-Authenticator in every Access-Request.</summary>
    public bool SendMessageAuthenticator { get; set; } = true;

    /// <summary><c>require-message-auth=yes-for-request-resp</c> (the 7.15+ default): Access replies without a valid one are dropped.</summary>
    public bool RequireMessageAuthenticator { get; set; } = true;

    /// <summary><c>/radius timeout</c>: wait before a retransmission (v7 default 1100 ms). Real time, not <see cref="Clock"/>.</summary>
    public TimeSpan RadiusTimeout { get; set; } = TimeSpan.FromMilliseconds(1100);

    /// <summary>Retransmissions of an unanswered request (same packet, same Identifier and source port).</summary>
    public int RadiusRetries { get; set; } = 3;

    /// <summary>Profile <c>nas-port-type</c>: wireless-802.11 = 19 (default), ethernet = 15, cable = 17.</summary>
    public uint NasPortType { get; set; } = 19;

    /// <summary>
    /// Profile <c>radius-interim-update</c>: null = <c>received</c> (the default: interims every Acct-Interim-Interval
    /// from the Access-Accept, none without it); a value = that fixed interval, whatever the server says.
    /// </summary>
    public TimeSpan? InterimUpdate { get; set; }

    /// <summary>The boot counter in Acct-Session-Id (its third hex symbol), 0–15; <see cref="HotspotSimulator.Reboot"/> bumps it.</summary>
    public int BootCounter { get; set; } = 1;

    public MacAuthMode MacAuthMode { get; set; } = MacAuthMode.MacAsUsername;

    public RadiusMacFormat MacFormat { get; set; } = RadiusMacFormat.ColonPairs;

    /// <summary>End sessions at Session-Timeout. Off = a router that ignores it (the server's own disconnect must act).</summary>
    public bool EnforceSessionTimeout { get; set; } = true;

    public bool EnforceIdleTimeout { get; set; } = true;

    /// <summary>End sessions when Mikrotik-Total-Limit(-Gigawords) is reached.</summary>
    public bool EnforceDataLimit { get; set; } = true;

    /// <summary>The router's clock: session time, Session-Timeout, Idle-Timeout, interims, Event-Timestamp.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    internal IPAddress EffectiveNasIpAddress => NasIpAddress ?? LocalAddress;
}
