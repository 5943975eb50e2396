namespace WifiBilling.Portal.Tests.Deploy.RouterOs;

/// <summary>
/// The RouterOS v7 menus, commands and properties mikrotik-radius.rsc may use, from /work/shared/reference/mikrotik.md
/// section 5 (CLI-RADIUS, CLI-HSPROF, HS-DOC) and the v7 CLI reference (menu property lists as exported by RouterOS
/// and mirrored in terraform-routeros's resource schemas). Anything else in the script is reported, and so is every
/// property that mikrotik.md 5.5 lists as invalid but seen in public scripts.
/// </summary>
public static class RouterOsV7Catalog
{
    /// <summary>Properties by menu path. Read-only ones (default, dynamic) only appear as find filters.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> Menus = new Dictionary<string, IReadOnlySet<string>>
    {
        ["system identity"] = Set("name"),
        ["interface"] = Set("name", "comment", "disabled", "type", "running"),
        ["file"] = Set("name", "type"),
        ["ip address"] = Set("address", "interface", "network", "comment", "disabled", "dynamic"),
        ["ip pool"] = Set("name", "ranges", "next-pool", "comment"),
        ["ip dhcp-server"] = Set("name", "interface", "address-pool", "lease-time", "authoritative", "add-arp",
            "disabled", "comment"),
        ["ip dhcp-server network"] = Set("address", "gateway", "dns-server", "netmask", "domain", "ntp-server", "comment"),
        ["ip dns"] = Set("allow-remote-requests", "servers"),
        ["ip firewall filter"] = Set("chain", "action", "protocol", "src-address", "dst-address", "dst-port",
            "in-interface", "in-interface-list", "out-interface", "connection-state", "comment", "disabled", "dynamic"),
        ["ip firewall nat"] = Set("chain", "action", "protocol", "src-address", "dst-address", "dst-port",
            "in-interface", "out-interface", "out-interface-list", "to-addresses", "to-ports", "comment", "disabled",
            "dynamic"),
        ["ip hotspot"] = Set("name", "interface", "profile", "address-pool", "addresses-per-mac", "idle-timeout",
            "keepalive-timeout", "login-timeout", "disabled"),
        ["ip hotspot profile"] = Set("name", "hotspot-address", "dns-name", "html-directory", "html-directory-override",
            "http-cookie-lifetime", "http-proxy", "https-redirect", "install-hotspot-queue", "login-by", "mac-auth-mode",
            "mac-auth-password", "nas-port-type", "radius-accounting", "radius-default-domain", "radius-interim-update",
            "radius-location-id", "radius-location-name", "radius-mac-format", "rate-limit", "smtp-server",
            "split-user-domain", "ssl-certificate", "trial-uptime-limit", "trial-uptime-reset", "trial-user-profile",
            "use-radius", "default"),
        ["ip hotspot user profile"] = Set("name", "shared-users", "add-mac-cookie", "mac-cookie-timeout", "rate-limit",
            "session-timeout", "idle-timeout", "keepalive-timeout", "address-list", "address-pool", "on-login", "on-logout",
            "status-autorefresh", "transparent-proxy", "open-status-page", "incoming-filter", "outgoing-filter",
            "incoming-packet-mark", "outgoing-packet-mark", "parent-queue", "queue-type", "insert-queue-before", "default"),
        ["ip hotspot walled-garden"] = Set("dst-host", "dst-port", "path", "method", "src-address", "server", "action",
            "comment", "disabled"),
        ["ip hotspot walled-garden ip"] = Set("action", "dst-address", "dst-address-list", "dst-host", "dst-port",
            "protocol", "server", "src-address", "src-address-list", "comment", "disabled"),
        ["ip hotspot ip-binding"] = Set("address", "mac-address", "server", "to-address", "type", "comment", "disabled"),
        ["radius"] = Set("service", "address", "secret", "authentication-port", "accounting-port", "timeout",
            "accounting-backup", "realm", "domain", "called-id", "src-address", "protocol", "certificate",
            "radsec-timeout", "require-message-auth", "comment", "disabled"),
        ["radius incoming"] = Set("accept", "port", "vrf"),
        ["interface wireguard"] = Set("name", "listen-port", "mtu", "private-key", "public-key", "comment", "disabled"),
        ["interface wireguard peers"] = Set("interface", "public-key", "endpoint-address", "endpoint-port",
            "allowed-address", "persistent-keepalive", "preshared-key", "name", "comment", "disabled"),
    };

    /// <summary>
    /// mikrotik.md 5.5: properties public "MikroTik setup" scripts put where RouterOS has none — protocol=/dst-port= on
    /// /ip hotspot walled-garden (IP-level fields, which belong in walled-garden ip), nas-identifier= and
    /// interim-update= on the hotspot profile (the real ones: /system identity, radius-interim-update).
    /// dst-port is listed because the reference does, although RouterOS does know an HTTP dst-port there: the
    /// script must not depend on it either way.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> InvalidProperties = new Dictionary<string, IReadOnlySet<string>>
    {
        ["ip hotspot walled-garden"] = Set("protocol", "dst-port"),
        ["ip hotspot profile"] = Set("nas-identifier", "interim-update"),
    };

    /// <summary>Menu commands the script may run.</summary>
    public static readonly IReadOnlySet<string> Commands = Set("add", "set", "remove", "find", "get", "print");

    /// <summary>Arguments of add that are not properties of the item (RouterOS console).</summary>
    public static readonly IReadOnlySet<string> AddArguments = Set("place-before", "copy-from");

    /// <summary>ICE commands (RouterOS scripting manual, "Global commands") and the named arguments they take.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> IceCommands = new Dictionary<string, IReadOnlySet<string>>
    {
        [":local"] = Set(),
        [":global"] = Set(),
        [":set"] = Set(),
        [":if"] = Set("do", "else"),
        [":foreach"] = Set("in", "do"),
        [":error"] = Set(),
        [":put"] = Set(),
        [":len"] = Set(),
        [":typeof"] = Set(),
        [":toip"] = Set(),
        [":toip6"] = Set(),
        [":pick"] = Set(),
        [RscCommand.BlockVerb] = Set(),
    };

    /// <summary>Every use of a menu, command or property the catalog does not know, with its line.</summary>
    public static IReadOnlyList<string> Violations(RscBlock script)
    {
        var problems = new List<string>();
        VisitBlock(script, problems);
        return problems;
    }

    private static void VisitBlock(RscBlock block, List<string> problems)
    {
        foreach (var command in block.Commands)
        {
            VisitCommand(command, problems);
        }
    }

    private static void VisitCommand(RscCommand command, List<string> problems)
    {
        if (command.MenuPath.Length == 0 || command.Verb == RscCommand.BlockVerb)
        {
            CheckIce(command, problems);
        }
        else
        {
            CheckMenuCommand(command, problems);
        }

        foreach (var argument in command.Arguments)
        {
            VisitValue(argument.Value, problems);
        }
    }

    private static void CheckIce(RscCommand command, List<string> problems)
    {
        if (!IceCommands.TryGetValue(command.Verb, out var arguments))
        {
            problems.Add($"line {command.Line}: unknown command {command.Verb}");
            return;
        }

        foreach (var argument in command.Named.Where(argument => !arguments.Contains(argument.Name!)))
        {
            problems.Add($"line {command.Line}: {command.Verb} has no argument {argument.Name}");
        }
    }

    private static void CheckMenuCommand(RscCommand command, List<string> problems)
    {
        var where = $"line {command.Line}: /{command.MenuPath} {command.Verb}";
        if (!Menus.TryGetValue(command.MenuPath, out var properties))
        {
            problems.Add($"{where}: unknown menu /{command.MenuPath}");
            return;
        }

        if (!Commands.Contains(command.Verb))
        {
            problems.Add($"{where}: command {command.Verb} not allowed");
        }

        var invalid = InvalidProperties.GetValueOrDefault(command.MenuPath) ?? Set();
        foreach (var name in PropertyNames(command))
        {
            if (invalid.Contains(name))
            {
                problems.Add($"{where}: {name} is an invalid property (mikrotik.md 5.5)");
            }
            else if (!properties.Contains(name) && !(command.Verb == "add" && AddArguments.Contains(name)))
            {
                problems.Add($"{where}: unknown property {name}");
            }
        }
    }

    /// <summary>Named arguments, plus the property words of get ("get [find] public-key").</summary>
    private static IEnumerable<string> PropertyNames(RscCommand command)
    {
        var named = command.Named.Select(argument => argument.Name!);
        if (command.Verb != "get")
        {
            return named;
        }

        return named.Concat(command.Unnamed.OfType<RscText>().Where(text => !text.Quoted).Select(text => text.Value));
    }

    private static void VisitValue(RscValue value, List<string> problems)
    {
        switch (value)
        {
            case RscSubstitution substitution:
                VisitCommand(substitution.Command, problems);
                break;
            case RscExpression expression:
                foreach (var item in expression.Items)
                {
                    VisitValue(item, problems);
                }

                break;
            case RscBlock block:
                VisitBlock(block, problems);
                break;
        }
    }

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.Ordinal);
}
