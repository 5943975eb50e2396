using WifiBilling.Portal.Tests.Deploy.RouterOs;

namespace WifiBilling.Portal.Tests.Deploy;

/// <summary>mikrotik-radius.rsc as shipped: valid RouterOS v7, scoped correctly for /import, complete hotspot.</summary>
public sealed class MikrotikRadiusScriptTests
{
    private static readonly string Text = File.ReadAllText(RepositoryPaths.RouterScript);
    private static readonly RscBlock Script = RscParser.Parse(Text);

    [Fact]
    public void Whole_script_is_one_block_so_its_locals_reach_every_command()
    {
        var top = Script.Commands.Should().ContainSingle("a :local outside a block is gone on the next terminal line").Subject;
        top.Verb.Should().Be(RscCommand.BlockVerb);
        RscScopeChecker.UnresolvedVariables(Script).Should().BeEmpty();
    }

    [Fact]
    public void Every_menu_command_and_property_is_RouterOS_v7()
    {
        RouterOsV7Catalog.Violations(Script).Should().BeEmpty();
    }

    [Fact]
    public void Router_values_are_empty_parameters_that_stop_the_import_until_set()
    {
        var parameters = Parameters(Script);
        foreach (var name in new[] { "radiusServer", "radiusSecret", "portalHost", "routerIdentity" })
        {
            parameters[name].Should().Be(new RscText("", true, []), $"{name} is filled per router, never guessed");
            GuardedParameters(Script).Should().Contain(name, $"an empty {name} must stop the import with :error");
        }

        parameters["coaPort"].Should().Be(RscText.Word("3799"));
        parameters["radiusAuthPort"].Should().Be(RscText.Word("1812"));
        parameters["radiusAcctPort"].Should().Be(RscText.Word("1813"));
        parameters["loginBy"].Should().Be(new RscText("http-chap,http-pap,mac-cookie", true, []));
    }

    [Fact]
    public void Radius_client_requires_Message_Authenticator_and_uses_the_parameters()
    {
        var radius = Commands("radius", "add").First();

        radius["service"].Should().Be(RscText.Word("hotspot"));
        radius["address"].Should().Be(new RscVariable("radiusAddress"));
        radius["secret"].Should().Be(new RscVariable("radiusSecret"));
        radius["authentication-port"].Should().Be(new RscVariable("radiusAuthPort"));
        radius["accounting-port"].Should().Be(new RscVariable("radiusAcctPort"));
        radius["require-message-auth"].Should().Be(RscText.Word("yes-for-request-resp"));
        radius["timeout"].Should().Be(RscText.Word("3s"));
        radius["src-address"].Should().Be(new RscVariable("radiusSource"));

        var incoming = Commands("radius incoming", "set").Should().ContainSingle().Subject;
        incoming["accept"].Should().Be(RscText.Word("yes"));
        incoming["port"].Should().Be(new RscVariable("coaPort"));
    }

    [Fact]
    public void Hotspot_profile_sends_everything_to_RADIUS_and_follows_the_servers_interim_interval()
    {
        var profile = Commands("ip hotspot profile", "add").Should().ContainSingle().Subject;

        profile["use-radius"].Should().Be(RscText.Word("yes"));
        profile["radius-accounting"].Should().Be(RscText.Word("yes"));
        profile["radius-interim-update"].Should().Be(RscText.Word("received"));
        profile["login-by"].Should().Be(new RscVariable("loginBy"));
        profile["radius-mac-format"].Should().Be(RscText.Word("XX:XX:XX:XX:XX:XX"));
        profile["nas-port-type"].Should().Be(new RscVariable("nasPortType"));
        profile["mac-auth-mode"].Should().NotBeNull();
        profile["html-directory"].Should().Be(new RscVariable("htmlDirectory"));

        var user = Commands("ip hotspot user profile", "set").Should().ContainSingle().Subject;
        user["shared-users"].Should().Be(RscText.Word("1"));
        user["add-mac-cookie"].Should().Be(RscText.Word("yes"));

        Commands("ip hotspot", "add").Should().ContainSingle().Which["profile"].Should().Be(new RscVariable("hotspotName"));
        Commands("system identity", "set").Should().ContainSingle().Which["name"].Should().Be(new RscVariable("routerIdentity"));
    }

    [Fact]
    public void Hotspot_LAN_gets_address_pool_and_DHCP_with_the_router_as_DNS()
    {
        Commands("ip address", "add").Should().Contain(command => command["interface"] == new RscVariable("hotspotInterface"));
        Commands("ip pool", "add").Should().ContainSingle().Which["ranges"].Should().Be(new RscVariable("poolRange"));
        Commands("ip dhcp-server", "add").Should().ContainSingle().Which["address-pool"].Should().Be(new RscVariable("hotspotName"));
        Commands("ip dhcp-server network", "add").Should().ContainSingle().Which["dns-server"].Should().Be(new RscVariable("lanAddress"));
    }

    [Fact]
    public void Walled_garden_lets_the_portal_through_over_HTTP_and_HTTPS_and_never_a_connectivity_check()
    {
        Commands("ip hotspot walled-garden", "add").Should().ContainSingle().Which["dst-host"].Should().Be(new RscVariable("portalHost"));
        Commands("ip hotspot walled-garden ip", "add").Should().Contain(command => command["dst-host"] == new RscVariable("portalHost"));

        // Phones decide whether to show the login pop-up by fetching these; allowing them hides the portal (mikrotik.md 5.5).
        // (The comments name them to warn; the commands must not.)
        var commands = string.Join('\n', Text.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        foreach (var probe in new[] { "captive.apple.com", "connectivitycheck", "gstatic.com", "msftconnecttest", "msftncsi", "detectportal", "clients3.google.com" })
        {
            commands.Should().NotContainEquivalentOf(probe);
        }
    }

    [Fact]
    public void Billing_server_on_the_LAN_can_be_bypassed_and_WireGuard_is_optional()
    {
        var binding = Commands("ip hotspot ip-binding", "add").Should().ContainSingle().Subject;
        binding["mac-address"].Should().Be(new RscVariable("billingServerMac"));
        binding["type"].Should().Be(RscText.Word("bypassed"));
        Parameters(Script)["billingServerMac"].Should().Be(new RscText("", true, []));

        var peer = Commands("interface wireguard peers", "add").Should().ContainSingle().Subject;
        peer.Named.Select(argument => argument.Name).Should().Contain(
            ["interface", "public-key", "endpoint-address", "endpoint-port", "allowed-address", "persistent-keepalive"]);
        Parameters(Script)["useWireGuard"].Should().Be(RscText.Word("false"));
    }

    [Fact]
    public void Accept_rule_for_CoA_is_added_because_the_default_firewall_drops_it()
    {
        Commands("ip firewall filter", "add").Should().OnlyContain(command =>
            command["chain"] == RscText.Word("input") && command["action"] == RscText.Word("accept")
            && command["protocol"] == RscText.Word("udp") && command["dst-port"] == new RscVariable("coaPort"));
    }

    internal static IReadOnlyDictionary<string, RscValue?> Parameters(RscBlock script)
    {
        var body = (RscBlock)script.Commands.Single().Unnamed.Single();
        return RscScopeChecker.LocalDeclarations(body)
            .GroupBy(declaration => declaration.Name)
            .ToDictionary(group => group.Key, group => group.First().Value);
    }

    /// <summary>
    /// Parameters the script refuses unconditionally when unset: ":if ([:len $x] = 0) do={ :error ... }" and
    /// ":if ([:typeof [:toip $x]] != "ip") do={ :error ... }" (not the compound checks of optional parts).
    /// </summary>
    internal static IEnumerable<string> GuardedParameters(RscBlock script) =>
        RscWalker.AllCommands(script)
            .Where(command => command.Verb == ":if" && command["do"] is RscBlock body && body.Commands.Any(c => c.Verb == ":error"))
            .Select(command => command.Unnamed.First())
            .OfType<RscExpression>()
            .Where(condition => condition.Items.Count == 3 && condition.Items[0] is RscSubstitution)
            .SelectMany(condition => RscWalker.AllCommands(new RscBlock([((RscSubstitution)condition.Items[0]).Command])))
            .SelectMany(command => command.Unnamed)
            .OfType<RscVariable>()
            .Select(variable => variable.Name);

    private static List<RscCommand> Commands(string menu, string verb) =>
        RscWalker.AllCommands(Script).Where(command => command.MenuPath == menu && command.Verb == verb).ToList();
}
