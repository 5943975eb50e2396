# WifiBilling: MikroTik hotspot that authenticates, accounts and disconnects through the WifiBilling RADIUS server.
# RouterOS v7.15 or newer (require-message-auth exists since 7.15; older v7 rejects that property).
#
# Import:   upload this file, then   /import file-name=mikrotik-radius.rsc
#           (or download the filled-in copy for one router: GET /api/admin/routers/{id}/script)
# Re-import is safe: everything this script adds carries comment "wifibilling" (or a fixed name) and is
# replaced, not duplicated.
#
# Why one big { } block: every line typed in the terminal is its own scope, so a :local set on one line is
# gone on the next ("Each line written in the terminal is treated as local scope", RouterOS scripting
# manual). /import runs the file as one script, but a copy pasted into the terminal runs line by line.
# Inside one block the parameters below are visible to every command either way.
{
# ---------------------------------------------------------------------------------------------------------
# Parameters. The first group is filled in per router by the server; empty values stop the import.
# ---------------------------------------------------------------------------------------------------------
# WifiBilling RADIUS server as this router reaches it (an IPv4 address: /radius accepts no host names).
:local radiusServer ""
:local radiusAuthPort 1812
:local radiusAcctPort 1813
# Optional second WifiBilling instance, tried when the first does not answer ("" = none).
:local radiusServer2 ""
:local radiusServer2AuthPort 1812
:local radiusServer2AcctPort 1813
# Shared secret, the same as the router's secret in WifiBilling.
:local radiusSecret ""
# Host name (or IP) of the WifiBilling portal; the walled garden lets unpaid customers reach it.
:local portalHost ""
# Router identity = NAS-Identifier in every RADIUS request; WifiBilling finds the router by it.
:local routerIdentity ""
# Port for Disconnect/CoA requests from WifiBilling (RFC 5176). Set explicitly: the manual's default (1700) differs
# from the old wiki's and the field guides' (3799).
:local coaPort 3799
# Source address of RADIUS packets; must be the address WifiBilling knows this router by (0.0.0.0 = automatic).
:local radiusSrcAddress "0.0.0.0"

# Local network of the hotspot: check these before importing.
# The interface customers join (a bridge, a VLAN or a free port - not a port that is a slave of another bridge).
:local hotspotInterface "bridge-hotspot"
:local lanAddress "10.5.50.1"
:local lanPrefixLength 24
:local lanNetwork "10.5.50.0/24"
:local poolRange "10.5.50.10-10.5.50.254"
# Name customers see in the address bar; avoid ".local" (iOS does not detect such a captive portal).
:local dnsName "login.wifi"
:local hotspotName "wifibilling"
# Folder with the pages from mikrotik/hotspot (see mikrotik/README.md); "flash/" is prefixed on boards with a flash folder.
:local htmlDirectory "hotspot-wifibilling"
# wireless-802.11 (19) for Wi-Fi, ethernet (15) for cabled access points.
:local nasPortType "wireless-802.11"
# true: a paid device reconnects by MAC without any page (the router sends its MAC as user name).
:local enableMacLogin false
# Internet uplink, only used when the router has no masquerade rule yet.
:local wanInterface "ether1"
# MAC address of the WifiBilling server if it sits on the hotspot LAN ("" = it does not).
:local billingServerMac ""

# Optional WireGuard tunnel for a router behind NAT or with a dynamic address (see the WireGuard block).
:local useWireGuard false
:local wgInterface "wg-wifibilling"
:local wgServerPublicKey ""
:local wgServerEndpoint ""
:local wgServerPort 51820
:local wgServerTunnelIp "10.66.0.1"
:local wgRouterTunnelIp "10.66.0.2"
:local wgPrefixLength 24

# Everything added below carries this comment, so a re-import can find and replace it.
:local tag "wifibilling"

# ---------------------------------------------------------------------------------------------------------
# Check the parameters before changing anything: a half-applied hotspot is worse than none.
# ---------------------------------------------------------------------------------------------------------
:if ([:typeof [:toip $radiusServer]] != "ip") do={
    :error "radiusServer must be the IPv4 address of the WifiBilling server (set it at the top of the script)"
}
:if ([:len $radiusSecret] = 0) do={ :error "radiusSecret is empty (use the router's secret from WifiBilling)" }
:if ([:len $portalHost] = 0) do={ :error "portalHost is empty (the WifiBilling portal's host name)" }
:if ([:len $routerIdentity] = 0) do={ :error "routerIdentity is empty (the router's NAS-Identifier in WifiBilling)" }
:if ([:len [/interface find name=$hotspotInterface]] = 0) do={
    :error ("hotspotInterface " . $hotspotInterface . " does not exist: create it or change the parameter")
}
:if ($useWireGuard && ([:len $wgServerPublicKey] = 0 || [:len $wgServerEndpoint] = 0)) do={
    :error "useWireGuard=true needs wgServerPublicKey and wgServerEndpoint"
}
# One DHCP server and one hotspot server per interface: refuse early rather than fail half-way.
:if ([:len [/ip dhcp-server find where interface=$hotspotInterface and name!=$hotspotName]] > 0) do={
    :error ("another DHCP server already runs on " . $hotspotInterface . ": remove it or pick another interface")
}
:if ([:len [/ip hotspot find where interface=$hotspotInterface and name!=$hotspotName]] > 0) do={
    :error ("another hotspot server already runs on " . $hotspotInterface . ": remove it or pick another interface")
}

# With the tunnel, RADIUS and CoA use the tunnel addresses: the server can then reach the router for CoA even
# behind NAT, and sees a fixed source address to find the secret by.
:local radiusAddress $radiusServer
:local radiusSource $radiusSrcAddress
:if ($useWireGuard) do={
    :set radiusAddress $wgServerTunnelIp
    :set radiusSource $wgRouterTunnelIp
}
:if ([:len [/file find name="flash"]] > 0) do={
    # Boards with a flash folder keep only flash/ across reboots; files elsewhere live in RAM.
    :set htmlDirectory ("flash/" . $htmlDirectory)
}
:local loginBy "http-chap,http-pap,mac-cookie"
:if ($enableMacLogin) do={
    # MAC login: User-Name = the MAC; WifiBilling accepts it for MACs bound to a voucher with time left.
    :set loginBy ($loginBy . ",mac")
}

# ---------------------------------------------------------------------------------------------------------
# Remove what a previous import added (same comment or fixed names), in dependency order.
# ---------------------------------------------------------------------------------------------------------
/ip hotspot remove [find name=$hotspotName]
/ip hotspot profile remove [find name=$hotspotName]
/ip hotspot walled-garden remove [find comment=$tag]
/ip hotspot walled-garden ip remove [find comment=$tag]
/ip hotspot ip-binding remove [find comment=$tag]
/ip dhcp-server remove [find name=$hotspotName]
/ip dhcp-server network remove [find comment=$tag]
/ip pool remove [find name=$hotspotName]
/ip address remove [find comment=$tag]
/radius remove [find comment=$tag]
/ip firewall filter remove [find comment=$tag]
/interface wireguard peers remove [find comment=$tag]

# ---------------------------------------------------------------------------------------------------------
# Identity = NAS-Identifier (RouterOS sends /system identity). WifiBilling recognises a router behind NAT by it.
# ---------------------------------------------------------------------------------------------------------
/system identity set name=$routerIdentity

# ---------------------------------------------------------------------------------------------------------
# Optional WireGuard tunnel to the server (router behind NAT/CGNAT or with a dynamic address).
# Without it the server cannot send Disconnect/CoA to the router, so sessions are only ended by Session-Timeout
# (the most reported CoA failure in hotspot billing). The router dials out, so no port forward is needed on its side;
# persistent-keepalive keeps the NAT mapping open for CoA coming the other way.
# ---------------------------------------------------------------------------------------------------------
:if ($useWireGuard) do={
    :if ([:len [/interface wireguard find name=$wgInterface]] = 0) do={
        # Added only once: a new interface would get a new private key and the server's peer entry would break.
        /interface wireguard add name=$wgInterface comment=$tag
    }
    /interface wireguard peers add interface=$wgInterface public-key=$wgServerPublicKey \
        endpoint-address=$wgServerEndpoint endpoint-port=$wgServerPort \
        allowed-address=($wgServerTunnelIp . "/32") persistent-keepalive=25s comment=$tag
    /ip address add address=($wgRouterTunnelIp . "/" . $wgPrefixLength) interface=$wgInterface comment=$tag
    :put ("WireGuard public key of this router (add it as a peer on the server, allowed IP " . $wgRouterTunnelIp \
        . "/32): " . [/interface wireguard get [find name=$wgInterface] public-key])
}

# ---------------------------------------------------------------------------------------------------------
# RADIUS client. require-message-auth: RouterOS 7.15+ drops replies without Message-Authenticator (BlastRADIUS,
# CVE-2024-3596); WifiBilling always sends it. timeout=3s: the 1100ms default is too short for a server on the
# Internet and shows up as "RADIUS server is not responding". src-address: the server and its CoA match this
# router by the address its packets come from.
# ---------------------------------------------------------------------------------------------------------
/radius add service=hotspot address=$radiusAddress secret=$radiusSecret \
    authentication-port=$radiusAuthPort accounting-port=$radiusAcctPort timeout=3s \
    require-message-auth=yes-for-request-resp src-address=$radiusSource comment=$tag
:if ([:len $radiusServer2] > 0) do={
    # Order matters: the first entry is asked first, the second when the first times out (RouterOS manual: RADIUS).
    # The second instance is reached directly, never through the tunnel, hence radiusSrcAddress.
    /radius add service=hotspot address=$radiusServer2 secret=$radiusSecret \
        authentication-port=$radiusServer2AuthPort accounting-port=$radiusServer2AcctPort timeout=3s \
        require-message-auth=yes-for-request-resp src-address=$radiusSrcAddress comment=$tag
}

# Accept Disconnect/CoA from the server: accept=no is the default, and the port must match the router's CoA port in
# WifiBilling; otherwise sessions are never disconnected.
/radius incoming set accept=yes port=$coaPort

# The default firewall drops input that does not come from the LAN, which includes CoA from the server.
# The accept rules go before the first static rule (the loop takes the first id whether find returns one or many).
:local placed false
:foreach rule in=[/ip firewall filter find dynamic=no] do={
    :if (!$placed) do={
        /ip firewall filter add chain=input action=accept protocol=udp dst-port=$coaPort src-address=$radiusAddress \
            comment=$tag place-before=$rule
        :if ([:len $radiusServer2] > 0) do={
            /ip firewall filter add chain=input action=accept protocol=udp dst-port=$coaPort \
                src-address=$radiusServer2 comment=$tag place-before=$rule
        }
        :set placed true
    }
}
:if (!$placed) do={
    /ip firewall filter add chain=input action=accept protocol=udp dst-port=$coaPort src-address=$radiusAddress \
        comment=$tag
    :if ([:len $radiusServer2] > 0) do={
        /ip firewall filter add chain=input action=accept protocol=udp dst-port=$coaPort src-address=$radiusServer2 \
            comment=$tag
    }
}

# ---------------------------------------------------------------------------------------------------------
# Hotspot LAN: address, pool, DHCP with the router as DNS (the hotspot answers and redirects DNS itself).
# ---------------------------------------------------------------------------------------------------------
/ip address add address=($lanAddress . "/" . $lanPrefixLength) interface=$hotspotInterface comment=$tag
/ip pool add name=$hotspotName ranges=$poolRange
/ip dhcp-server add name=$hotspotName interface=$hotspotInterface address-pool=$hotspotName lease-time=1h \
    disabled=no
/ip dhcp-server network add address=$lanNetwork gateway=$lanAddress dns-server=$lanAddress comment=$tag
# Clients use the router as DNS server. Keep the default firewall that drops DNS from the WAN side.
/ip dns set allow-remote-requests=yes

# ---------------------------------------------------------------------------------------------------------
# Hotspot server profile.
# use-radius/radius-accounting: every login and session goes to WifiBilling.
# radius-interim-update=received: use the server's Acct-Interim-Interval (WifiBilling always sends one); with a
#   fixed time here the server's value would be ignored, and without either no Interim-Update ever arrives.
#   ("interim-update" and "nas-identifier" are not hotspot profile properties, whatever some public scripts say.)
# login-by: http-chap (the password never crosses the air in clear), http-pap (voucher login when the page has no
#   JavaScript), mac-cookie (a paid device comes back without the page), optionally mac (see enableMacLogin).
# radius-mac-format: MACs as WifiBilling stores them (upper case, colons).
# mac-auth-mode=mac-as-username-and-password: MAC logins carry a non-empty password.
# ---------------------------------------------------------------------------------------------------------
/ip hotspot profile add name=$hotspotName hotspot-address=$lanAddress dns-name=$dnsName \
    html-directory=$htmlDirectory use-radius=yes radius-accounting=yes radius-interim-update=received \
    login-by=$loginBy nas-port-type=$nasPortType radius-mac-format=XX:XX:XX:XX:XX:XX \
    mac-auth-mode=mac-as-username-and-password

# RADIUS users get the default user profile. shared-users=1 is the fallback; WifiBilling's Port-Limit overrides it
# per plan (RouterOS manual: RADIUS). add-mac-cookie makes login-by=mac-cookie work.
/ip hotspot user profile set [find default=yes] shared-users=1 add-mac-cookie=yes mac-cookie-timeout=1d

# Hotspot server on the LAN interface. If this fails with a device-mode error (RouterOS v7 can block hotspot):
# /system device-mode update hotspot=yes, then press the reset button or power-cycle within 5 minutes.
/ip hotspot add name=$hotspotName interface=$hotspotInterface profile=$hotspotName address-pool=$hotspotName \
    disabled=no

# ---------------------------------------------------------------------------------------------------------
# Walled garden: unpaid customers may open the portal and nothing else.
# walled-garden (HTTP proxy rules) covers http://; walled-garden ip (firewall rules, with dst-host resolved by the
# router) covers https:// and other ports, which the hotspot cannot proxy (RouterOS wiki: Walled Garden).
# Never add connectivity-check hosts (captive.apple.com, connectivitycheck.gstatic.com, ...): the phone would
# think it is online and never show the login pop-up.
# ---------------------------------------------------------------------------------------------------------
/ip hotspot walled-garden add dst-host=$portalHost action=allow comment=$tag
:if ([:typeof [:toip $portalHost]] = "ip") do={
    /ip hotspot walled-garden ip add dst-address=$portalHost action=accept comment=$tag
} else={
    /ip hotspot walled-garden ip add dst-host=$portalHost action=accept comment=$tag
}

# The WifiBilling server on the hotspot LAN must not be a hotspot client itself: it would be redirected to the
# login page and, behind the hotspot's address translation, its CoA would come from the wrong address.
:if ([:len $billingServerMac] > 0) do={
    /ip hotspot ip-binding add mac-address=$billingServerMac type=bypassed comment=$tag
}

# Customers need NAT to reach the Internet; the default configuration already masquerades, a bare router does not.
:if ([:len [/ip firewall nat find chain=srcnat action=masquerade]] = 0) do={
    /ip firewall nat add chain=srcnat action=masquerade out-interface=$wanInterface comment=$tag
}

:put ("WifiBilling hotspot " . $hotspotName . " is ready on " . $hotspotInterface . "; RADIUS " . $radiusAddress \
    . ", CoA port " . $coaPort . ". Upload the pages to " . $htmlDirectory . " (mikrotik/README.md).")
}
