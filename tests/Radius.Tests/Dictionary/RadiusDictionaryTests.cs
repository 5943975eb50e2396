using WifiBilling.Radius.Dictionary;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;

namespace WifiBilling.Radius.Tests.Dictionary;

public sealed class RadiusDictionaryTests
{
    [Theory]
    [InlineData(1, "User-Name", RadiusDataType.String)]
    [InlineData(27, "Session-Timeout", RadiusDataType.Integer)]
    [InlineData(44, "Acct-Session-Id", RadiusDataType.String)]
    [InlineData(52, "Acct-Input-Gigawords", RadiusDataType.Integer)]
    [InlineData(55, "Event-Timestamp", RadiusDataType.Date)]
    [InlineData(80, "Message-Authenticator", RadiusDataType.Octets)]
    [InlineData(85, "Acct-Interim-Interval", RadiusDataType.Integer)]
    [InlineData(97, "Framed-IPv6-Prefix", RadiusDataType.IPv6Prefix)]
    [InlineData(95, "NAS-IPv6-Address", RadiusDataType.IPv6Address)]
    [InlineData(101, "Error-Cause", RadiusDataType.Integer)]
    public void Default_HasTheRfcAttributes(byte code, string name, RadiusDataType type)
    {
        RadiusDictionary.Default.TryGetAttribute(code, out var byCode).Should().BeTrue();
        byCode!.Name.Should().Be(name);
        byCode.DataType.Should().Be(type);
        RadiusDictionary.Default.TryGetAttribute(name.ToLowerInvariant(), out var byName).Should().BeTrue("names are case-insensitive");
        byName.Should().BeSameAs(byCode);
    }

    [Fact]
    public void Default_UserPasswordIsEncryptedWithTheRfc2865Scheme()
    {
        RadiusDictionary.Default.TryGetAttribute("User-Password", out var attribute).Should().BeTrue();
        attribute!.Encrypt.Should().Be(1);
    }

    [Fact]
    public void Default_HasEveryMikrotikAttributeFrom1To30()
    {
        var names = Enumerable.Range(1, 30).Select(code =>
            RadiusDictionary.Default.TryGetAttribute(Mikrotik.VendorId, (byte)code, out var a) ? a.Name : null).ToArray();

        names.Should().NotContainNulls();
        names[7].Should().Be("Mikrotik-Rate-Limit");
        names[16].Should().Be("Mikrotik-Total-Limit");
        names[17].Should().Be("Mikrotik-Total-Limit-Gigawords");
        names[18].Should().Be("Mikrotik-Address-List");
        names[24].Should().Be("Mikrotik-DHCP-Option-Param-STR2");
        names[29].Should().Be("Mikrotik-Switching-Filter");
        RadiusDictionary.Default.TryGetAttribute("Mikrotik-Host-IP", out var hostIp).Should().BeTrue();
        hostIp!.DataType.Should().Be(RadiusDataType.IPAddress);
        hostIp.VendorId.Should().Be(Mikrotik.VendorId);
        RadiusDictionary.Default.TryGetVendor("mikrotik", out var vendor).Should().BeTrue();
        vendor!.Id.Should().Be(14988);
    }

    [Fact]
    public void Default_HasWisprAttributes()
    {
        RadiusDictionary.Default.TryGetAttribute(Wispr.VendorId, WisprAttributeType.LogoffUrl, out var logoff).Should().BeTrue();
        logoff!.Name.Should().Be("WISPr-Logoff-URL");
        RadiusDictionary.Default.TryGetAttribute("WISPr-Bandwidth-Max-Down", out var maxDown).Should().BeTrue();
        maxDown!.Code.Should().Be(8);
        RadiusDictionary.Default.TryGetVendor(14122u, out var vendor).Should().BeTrue();
        vendor!.Name.Should().Be("WISPr");
    }

    [Fact]
    public void Default_NamesValues()
    {
        RadiusDictionary.Default.TryGetValueName("Acct-Status-Type", 3, out var interim).Should().BeTrue();
        interim.Should().Be("Interim-Update");
        RadiusDictionary.Default.TryGetValueNumber("NAS-Port-Type", "Wireless-802.11", out var wireless).Should().BeTrue();
        wireless.Should().Be(19);
        RadiusDictionary.Default.TryGetValueName("Error-Cause", 503, out var cause).Should().BeTrue();
        cause.Should().Be("Session-Context-Not-Found");
        RadiusDictionary.Default.TryGetValueName("Acct-Terminate-Cause", (uint)AcctTerminateCause.AdminReset, out var reset).Should().BeTrue();
        reset.Should().Be("Admin-Reset");
    }

    [Fact]
    public void Parse_LaterLinesWin()
    {
        var dictionary = RadiusDictionary.Parse(
            """
            ATTRIBUTE   Test-Attribute   200   string
            ATTRIBUTE   Test-Attribute   201   integer
            ATTRIBUTE   Other-Name       201   ipaddr
            VALUE       Test-Attribute   First   1
            VALUE       Test-Attribute   Second  1
            """);

        dictionary.TryGetAttribute(201, out var byCode).Should().BeTrue();
        byCode!.Name.Should().Be("Other-Name");
        byCode.DataType.Should().Be(RadiusDataType.IPAddress);
        dictionary.TryGetAttribute("Test-Attribute", out var byName).Should().BeTrue();
        byName!.Code.Should().Be(201);
        byName.DataType.Should().Be(RadiusDataType.Integer);
        dictionary.TryGetValueName("Test-Attribute", 1, out var value).Should().BeTrue();
        value.Should().Be("Second");
    }

    [Fact]
    public void Parse_LaterFilesWin()
    {
        var dictionary = RadiusDictionary.Parse("ATTRIBUTE A 5 string", "ATTRIBUTE B 5 integer");

        dictionary.TryGetAttribute(5, out var attribute).Should().BeTrue();
        attribute!.Name.Should().Be("B");
    }

    [Fact]
    public void Parse_VendorBlocksCommentsFlagsAndHexCodes()
    {
        var dictionary = RadiusDictionary.Parse(
            """
            # A vendor of our own, for carrying the M-Pesa transaction of the portal.
            VENDOR        Example        99999
            BEGIN-VENDOR  Example
            ATTRIBUTE     Example-Txn        1     string     # trailing comment
            ATTRIBUTE     Example-Secret     0x02  string     encrypt=1
            ATTRIBUTE     Example-Tagged     3     integer    has_tag
            ATTRIBUTE     Example-Eap        4     octets     concat
            VALUE         Example-Tagged     On    1
            END-VENDOR    Example
            ATTRIBUTE     Plain              240   integer64
            """);

        dictionary.TryGetAttribute(99999u, 1, out var txn).Should().BeTrue();
        txn!.Name.Should().Be("Example-Txn");
        txn.IsVendorSpecific.Should().BeTrue();
        dictionary.TryGetAttribute(99999u, 2, out var secret).Should().BeTrue();
        secret!.Encrypt.Should().Be(1);
        dictionary.TryGetAttribute("Example-Tagged", out var tagged).Should().BeTrue();
        tagged!.HasTag.Should().BeTrue();
        dictionary.TryGetValueNumber("example-tagged", "on", out var on).Should().BeTrue();
        on.Should().Be(1);
        dictionary.TryGetAttribute(240, out var plain).Should().BeTrue();
        plain!.VendorId.Should().Be(0, "END-VENDOR closes the block");
        plain.DataType.Should().Be(RadiusDataType.Integer64);
        dictionary.Vendors.Should().ContainSingle().Which.Should().Be(new DictionaryVendor("Example", 99999));
    }

    [Theory]
    [InlineData("ATTRIBUTE Broken 1", "too few fields")]
    [InlineData("ATTRIBUTE Broken x string", "code not a number")]
    [InlineData("ATTRIBUTE Broken 300 string", "code above 255")]
    [InlineData("ATTRIBUTE Broken 1 float", "unknown type")]
    [InlineData("ATTRIBUTE Broken 1 string bogus_flag", "unknown flag")]
    [InlineData("BEGIN-VENDOR Nobody", "undefined vendor")]
    [InlineData("VENDOR V 5\nBEGIN-VENDOR V", "unclosed block")]
    [InlineData("VENDOR V 5\nEND-VENDOR V", "END-VENDOR without BEGIN")]
    [InlineData("VENDOR V 5 format=2,1", "unsupported vendor format")]
    [InlineData("$INCLUDE dictionary.other", "includes are not supported")]
    public void Parse_InvalidLine_ThrowsFormatExceptionNamingTheLine(string text, string because)
    {
        FluentActions.Invoking(() => RadiusDictionary.Parse("# header\n" + text)).Should().Throw<FormatException>(because);
    }

    [Fact]
    public void Parse_ErrorMessageNamesTheLineNumber()
    {
        FluentActions.Invoking(() => RadiusDictionary.Parse("# one\nATTRIBUTE ok 1 string\nATTRIBUTE bad 1 nonsense"))
            .Should().Throw<FormatException>().WithMessage("Dictionary line 3:*");
    }

    [Fact]
    public void Format_ShowsNamesAndValuesButHidesSecrets()
    {
        var dictionary = RadiusDictionary.Default;

        dictionary.Format(RadiusAttribute.FromUInt32(RadiusAttributeType.AcctStatusType, 2)).Should().Be("Acct-Status-Type = Stop");
        dictionary.Format(Mikrotik.RateLimit(1_000_000, 4_000_000)).Should().Be("Mikrotik-Rate-Limit = \"1M/4M\"");
        dictionary.Format(RadiusAttribute.FromOctets(RadiusAttributeType.UserPassword, new byte[16])).Should().Be("User-Password = <16 octets hidden>");
        dictionary.Format(RadiusAttribute.FromOctets(RadiusAttributeType.ChapPassword, new byte[17])).Should().Contain("hidden");
    }
}
