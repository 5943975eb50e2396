using WifiBilling.Portal.Tests.Deploy.RouterOs;

namespace WifiBilling.Portal.Tests.Deploy;

/// <summary>The test's RouterOS script parser on the lines that are easy to get wrong.</summary>
public sealed class RscParserTests
{
    [Fact]
    public void Menu_command_with_find_and_properties_is_split_into_path_verb_and_arguments()
    {
        var command = Single("/ip hotspot profile set [find default=yes] use-radius=yes login-by=http-chap,http-pap");

        command.MenuPath.Should().Be("ip hotspot profile");
        command.Verb.Should().Be("set");
        var find = command.Unnamed.Should().ContainSingle().Which.Should().BeOfType<RscSubstitution>().Which.Command;
        find.MenuPath.Should().Be("ip hotspot profile", "a bare find runs in the menu of the command around it");
        find.Verb.Should().Be("find");
        find["default"].Should().Be(RscText.Word("yes"));
        command["use-radius"].Should().Be(RscText.Word("yes"));
        command["login-by"].Should().Be(RscText.Word("http-chap,http-pap"));
    }

    [Fact]
    public void Slash_separated_v7_path_is_the_same_menu()
    {
        var command = Single("/ip/hotspot/walled-garden/ip/add dst-host=portal.example.com action=accept");

        command.MenuPath.Should().Be("ip hotspot walled-garden ip");
        command.Verb.Should().Be("add");
        command["dst-host"].Should().Be(RscText.Word("portal.example.com"));
    }

    [Fact]
    public void A_path_alone_sets_the_menu_for_the_following_lines()
    {
        var script = RscParser.Parse("/ip pool\nadd name=a ranges=10.0.0.2-10.0.0.9\nremove [find name=b]\n");

        script.Commands.Should().HaveCount(2);
        script.Commands.Should().AllSatisfy(command => command.MenuPath.Should().Be("ip pool"));
        script.Commands[0].Line.Should().Be(2);
    }

    [Fact]
    public void Quoted_string_escapes_decode_to_the_bytes_RouterOS_would_store()
    {
        var command = Single(@":local s ""q\""b\\s\$d\?h\_sp\41\4a\n""");

        var text = command.Unnamed.ElementAt(1).Should().BeOfType<RscText>().Which;
        text.Value.Should().Be("q\"b\\s$d?h spAJ\n");
        text.Quoted.Should().BeTrue();
        text.InterpolatedVariables.Should().BeEmpty("an escaped \\$ is a dollar sign, not a variable");
    }

    [Fact]
    public void Hex_escapes_spell_utf8_bytes()
    {
        var command = Single(@":local s ""caf\C3\A9""");

        ((RscText)command.Unnamed.ElementAt(1)).Value.Should().Be("café");
    }

    [Fact]
    public void Unescaped_dollar_inside_a_string_is_an_interpolated_variable()
    {
        var command = Single(":put \"router $routerIdentity ready\"");

        ((RscText)command.Unnamed.Single()).InterpolatedVariables.Should().Equal("routerIdentity");
    }

    [Fact]
    public void Backslash_newline_continues_the_command_and_keeps_its_first_line()
    {
        var script = RscParser.Parse("# header\n/radius add address=10.0.0.1 \\\n    secret=\"s\" \\\r\n    timeout=3s\n:put done\n");

        script.Commands.Should().HaveCount(2);
        var radius = script.Commands[0];
        radius.Line.Should().Be(2);
        radius.Named.Select(argument => argument.Name).Should().Equal("address", "secret", "timeout");
        script.Commands[1].Line.Should().Be(5);
    }

    [Fact]
    public void Backslash_newline_inside_a_string_continues_the_string()
    {
        var command = Single(":put \"first \\\n  second\"");

        ((RscText)command.Unnamed.Single()).Value.Should().Be("first   second");
    }

    [Fact]
    public void Comments_may_hold_anything_and_are_skipped()
    {
        var script = RscParser.Parse("# quotes \" and = and [ and { are fine here\n  # indented too\n/ip dns set allow-remote-requests=yes\n");

        script.Commands.Should().ContainSingle().Which.MenuPath.Should().Be("ip dns");
    }

    [Fact]
    public void If_with_do_and_else_blocks_parses_both_bodies()
    {
        var command = Single(":if ([:len $x] > 0) do={\n  /ip pool add name=$x\n} else={ :put \"none\" }");

        command.Verb.Should().Be(":if");
        var condition = command.Unnamed.Single().Should().BeOfType<RscExpression>().Which;
        condition.Items.Should().HaveCount(3);
        condition.Items[1].Should().Be(RscText.Word(">"));
        command["do"].Should().BeOfType<RscBlock>().Which.Commands.Single().MenuPath.Should().Be("ip pool");
        command["else"].Should().BeOfType<RscBlock>().Which.Commands.Single().Verb.Should().Be(":put");
    }

    [Fact]
    public void Expression_with_concatenation_and_array_index_keeps_its_items()
    {
        var command = Single("/ip address add address=($lan . \"/\" . $prefix) place-before=($rules->0)");

        var address = command["address"].Should().BeOfType<RscExpression>().Which;
        address.Items.Should().Equal(new RscVariable("lan"), RscText.Word("."), new RscText("/", true, []), RscText.Word("."), new RscVariable("prefix"));
        var index = command["place-before"].Should().BeOfType<RscExpression>().Which;
        index.Items.Should().Equal(new RscVariable("rules"), RscText.Word("->0"));
    }

    [Fact]
    public void Find_where_with_not_equal_is_a_named_argument_with_its_operator()
    {
        var command = Single(":local n [/ip dhcp-server find where interface=$i and name!=$n]");

        var find = ((RscSubstitution)command.Unnamed.ElementAt(1)).Command;
        find.MenuPath.Should().Be("ip dhcp-server");
        find.Arguments.Should().Equal(
            new RscArgument(null, null, RscText.Word("where")),
            new RscArgument("interface", "=", new RscVariable("i")),
            new RscArgument(null, null, RscText.Word("and")),
            new RscArgument("name", "!=", new RscVariable("n")));
    }

    [Fact]
    public void Nested_substitution_and_block_scopes_parse()
    {
        var script = RscParser.Parse("{\n  :local a 1\n  {\n    :put [/interface wireguard get [find name=wg] public-key]\n  }\n}\n");

        var outer = script.Commands.Single();
        outer.Verb.Should().Be(RscCommand.BlockVerb);
        var inner = ((RscBlock)outer.Unnamed.Single()).Commands[1];
        inner.Verb.Should().Be(RscCommand.BlockVerb);
        var get = ((RscSubstitution)((RscBlock)inner.Unnamed.Single()).Commands.Single().Unnamed.Single()).Command;
        get.MenuPath.Should().Be("interface wireguard");
        get.Verb.Should().Be("get");
        get.Unnamed.Last().Should().Be(RscText.Word("public-key"));
    }

    [Theory]
    [InlineData("/radius add secret=\"open", 1, "unterminated string")]
    [InlineData("{\n/ip pool add name=a\n", 3, "missing '}'")]
    [InlineData(":put \"bad \\q escape\"", 1, "unknown escape")]
    [InlineData("/ip pool name=a", 1, "before any command")]
    [InlineData("}", 1, "without '{'")]
    public void Malformed_script_fails_with_the_line(string script, int line, string message)
    {
        var parse = () => RscParser.Parse(script);

        parse.Should().Throw<RscParseException>().Where(e => e.Line == line && e.Message.Contains(message));
    }

    [Fact]
    public void Scope_checker_sees_locals_only_inside_their_block()
    {
        var script = RscParser.Parse("{\n:local a 1\n:if ($a) do={ :local b 2; :set a $b }\n:put $b\n}\n:put $a\n");

        RscScopeChecker.UnresolvedVariables(script).Should().Equal("line 4: $b", "line 6: $a");
    }

    [Fact]
    public void Catalog_reports_unknown_and_invalid_properties()
    {
        var script = RscParser.Parse(
            "/ip hotspot walled-garden add dst-host=portal protocol=tcp action=allow\n" +
            "/ip hotspot profile set [find] interim-update=5m nas-identifier=x radius-interim-update=received\n" +
            "/radius add address=10.0.0.1 secret=s no-such-property=1\n" +
            "/ip no-such-menu add name=x\n" +
            ":frobnicate 1\n");

        RouterOsV7Catalog.Violations(script).Should().Equal(
            "line 1: /ip hotspot walled-garden add: protocol is an invalid property (mikrotik.md 5.5)",
            "line 2: /ip hotspot profile set: interim-update is an invalid property (mikrotik.md 5.5)",
            "line 2: /ip hotspot profile set: nas-identifier is an invalid property (mikrotik.md 5.5)",
            "line 3: /radius add: unknown property no-such-property",
            "line 4: /ip no-such-menu add: unknown menu /ip no-such-menu",
            "line 5: unknown command :frobnicate");
    }

    private static RscCommand Single(string line) => RscParser.Parse(line).Commands.Should().ContainSingle().Subject;
}
