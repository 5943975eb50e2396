using System.Net;
using WifiBilling.Radius.Protocol;
using WifiBilling.Radius.Vendors;
using static WifiBilling.Radius.Tests.Support.RadiusTestVectors;

namespace WifiBilling.Radius.Tests.Protocol;

public sealed class RadiusPacketCodecTests
{
    [Fact]
    public void Parse_Rfc2865AccessRequest_ReadsEveryAttribute()
    {
        var packet = RadiusPacketCodec.Parse(Bytes(Rfc2865AccessRequest), RfcSecretBytes);

        packet.Code.Should().Be(RadiusCode.AccessRequest);
        packet.Identifier.Should().Be(0);
        packet.Authenticator.ToArray().Should().Equal(Bytes("0f403f9473978057bd83d5cb98f4227a"));
        packet.Attributes.Select(a => a.Type).Should().Equal(1, 2, 4, 5);
        packet.GetString(RadiusAttributeType.UserName).Should().Be("nemo");
        packet.GetIPAddress(RadiusAttributeType.NasIpAddress).Should().Be(IPAddress.Parse("192.168.1.16"));
        packet.GetUInt32(RadiusAttributeType.NasPort).Should().Be(3);
        RadiusPassword.Recover(packet.GetOctets(RadiusAttributeType.UserPassword), RfcSecretBytes, packet.Authenticator.Span)
            .Should().Be("arctangent");
    }

    [Fact]
    public void Write_Rfc2865AccessRequest_ProducesTheRfcBytes()
    {
        var authenticator = Bytes("0f403f9473978057bd83d5cb98f4227a");
        var packet = new RadiusPacket(RadiusCode.AccessRequest, 0, authenticator)
            .AddString(RadiusAttributeType.UserName, "nemo")
            .Add(new RadiusAttribute(RadiusAttributeType.UserPassword, RadiusPassword.Hide("arctangent", RfcSecretBytes, authenticator)))
            .AddIPAddress(RadiusAttributeType.NasIpAddress, IPAddress.Parse("192.168.1.16"))
            .AddUInt32(RadiusAttributeType.NasPort, 3);

        RadiusPacketCodec.Encode(packet, RfcSecretBytes).Should().Equal(Bytes(Rfc2865AccessRequest));
    }

    [Fact]
    public void Write_Rfc2865AccessAccept_ComputesTheRfcResponseAuthenticator()
    {
        var request = RadiusPacketCodec.Parse(Bytes(Rfc2865AccessRequest), RfcSecretBytes);
        var accept = request.CreateResponse(RadiusCode.AccessAccept)
            .AddUInt32(RadiusAttributeType.ServiceType, 1)
            .AddUInt32(RadiusAttributeType.LoginService, 0)
            .AddIPAddress(RadiusAttributeType.LoginIpHost, IPAddress.Parse("192.168.1.3"));

        RadiusPacketCodec.Encode(accept, RfcSecretBytes, request.Authenticator.Span).Should().Equal(Bytes(Rfc2865AccessAccept));
    }

    [Fact]
    public void Parse_Rfc2865AccessAccept_VerifiesTheResponseAuthenticator()
    {
        var requestAuthenticator = Bytes(Rfc2865AccessRequest).AsSpan(4, 16).ToArray();

        var accept = RadiusPacketCodec.Parse(Bytes(Rfc2865AccessAccept), RfcSecretBytes, requestAuthenticator);

        accept.Code.Should().Be(RadiusCode.AccessAccept);
        accept.GetIPAddress(RadiusAttributeType.LoginIpHost).Should().Be(IPAddress.Parse("192.168.1.3"));
        FluentActions.Invoking(() => RadiusPacketCodec.Parse(Bytes(Rfc2865AccessAccept), "wrong"u8, requestAuthenticator))
            .Should().Throw<InvalidAuthenticatorException>();
    }

    [Fact]
    public void Parse_Rfc2865ChapRequest_ReadsChapPasswordAndFramedAttributes()
    {
        var packet = RadiusPacketCodec.Parse(Bytes(Rfc2865ChapRequest), RfcSecretBytes);

        packet.Identifier.Should().Be(1);
        packet.GetString(RadiusAttributeType.UserName).Should().Be("flopsy");
        var chap = packet.GetOctets(RadiusAttributeType.ChapPassword)!;
        chap.Should().HaveCount(Chap.ResponseLength);
        chap[0].Should().Be(22);
        packet.GetUInt32(RadiusAttributeType.NasPort).Should().Be(20);
        packet.GetUInt32(RadiusAttributeType.ServiceType).Should().Be(2);
        packet.GetUInt32(RadiusAttributeType.FramedProtocol).Should().Be(1);
        RadiusPacketCodec.Encode(packet, RfcSecretBytes).Should().Equal(Bytes(Rfc2865ChapRequest));
    }

    [Fact]
    public void Read_Rfc2865AccessChallenge_KeepsReplyMessageAndState()
    {
        var view = RadiusPacketCodec.Read(Bytes(Rfc2865AccessChallenge));

        view.Code.Should().Be(RadiusCode.AccessChallenge);
        view.TryGetValue(RadiusAttributeType.ReplyMessage, out var message).Should().BeTrue();
        RadiusValue.ReadString(message).Should().Be("Challenge 32769430.  Enter response at prompt.");
        view.TryGetValue(RadiusAttributeType.State, out var state).Should().BeTrue();
        RadiusValue.ReadString(state).Should().Be("32769430");
    }

    [Fact]
    public void Parse_RadclientPapRequest_DecodesTheMikrotikShapedAttributesInWireOrder()
    {
        var packet = RadiusPacketCodec.Parse(Bytes(RadclientPapRequest), RadclientSecretBytes);

        packet.Attributes.Select(a => (a.Type, a.VendorId, a.VendorType)).Should().Equal(
            (1, 0u, 0), (2, 0u, 0), (4, 0u, 0), (5, 0u, 0), (32, 0u, 0), (31, 0u, 0), (30, 0u, 0),
            (26, Mikrotik.VendorId, MikrotikAttributeType.HostIp), (26, Wispr.VendorId, WisprAttributeType.LogoffUrl), (6, 0u, 0));
        packet.GetUInt32(RadiusAttributeType.NasPort).Should().Be(2163212291);
        packet.GetString(RadiusAttributeType.CallingStationId).Should().Be("30:39:26:86:CC:EA");
        packet.GetIPAddress(Mikrotik.VendorId, MikrotikAttributeType.HostIp).Should().Be(IPAddress.Parse("10.5.50.253"));
        packet.GetString(Wispr.VendorId, WisprAttributeType.LogoffUrl).Should().Be("http://10.5.50.1/logout");
        RadiusPassword.Recover(packet.GetOctets(RadiusAttributeType.UserPassword), RadclientSecretBytes, packet.Authenticator.Span)
            .Should().Be("kostas2");
        RadiusPacketCodec.Encode(packet, RadclientSecretBytes).Should().Equal(Bytes(RadclientPapRequest));
    }

    [Fact]
    public void Parse_RadclientAccountingStart_VerifiesTheRequestAuthenticatorAndReadsTypes()
    {
        var packet = RadiusPacketCodec.Parse(Bytes(RadclientAccountingStart), RadclientSecretBytes);

        ((AcctStatusType)packet.GetUInt32(RadiusAttributeType.AcctStatusType)!.Value).Should().Be(AcctStatusType.Start);
        packet.GetString(RadiusAttributeType.AcctSessionId).Should().Be("80100014");
        packet.GetDate(RadiusAttributeType.EventTimestamp).Should().Be(DateTimeOffset.FromUnixTimeSeconds(1782750782));
        packet.GetIPAddress(RadiusAttributeType.FramedIpAddress).Should().Be(IPAddress.Parse("10.5.88.2"));
        RadiusPacketCodec.Encode(packet, RadclientSecretBytes).Should().Equal(Bytes(RadclientAccountingStart));
    }

    [Fact]
    public void Parse_AccountingRequestWithWrongSecret_ThrowsInvalidAuthenticator()
    {
        FluentActions.Invoking(() => RadiusPacketCodec.Parse(Bytes(RadclientAccountingStart), "not-the-secret"u8))
            .Should().Throw<InvalidAuthenticatorException>().Which.Should().BeAssignableTo<RadiusPacketException>();
    }

    [Fact]
    public void Parse_RadclientCoaRequest_ReadsTheMikrotikRateLimit()
    {
        var packet = RadiusPacketCodec.Parse(Bytes(RadclientCoaRequest), RadclientSecretBytes);

        packet.Code.Should().Be(RadiusCode.CoaRequest);
        packet.GetUInt32(RadiusAttributeType.SessionTimeout).Should().Be(600);
        packet.GetString(Mikrotik.VendorId, MikrotikAttributeType.RateLimit).Should().Be("1M/2M");
    }

    [Fact]
    public void Read_IgnoresOctetsAfterTheLengthField()
    {
        var padded = Bytes(Rfc5997StatusServerAuth).Concat(new byte[] { 0xff, 0x00, 0xff }).ToArray();

        var view = RadiusPacketCodec.Read(padded);

        view.Length.Should().Be(38);
        RadiusPacketCodec.TryVerify(view, RfcSecretBytes).Should().Be(RadiusVerificationResult.Valid);
    }

    [Fact]
    public void Read_EveryTruncationOfAValidPacket_ThrowsMalformed()
    {
        var packet = Bytes(RadclientPapRequest);
        for (var length = 0; length < packet.Length; length++)
        {
            var prefix = packet[..length];
            FluentActions.Invoking(() => RadiusPacketCodec.Read(prefix)).Should().Throw<MalformedPacketException>($"{length} octets are a truncated packet");
        }
    }

    [Theory]
    [InlineData("0100001300000000000000000000000000000000", "Length field below 20")]
    [InlineData("01001001000000000000000000000000000000000000", "Length field above 4096")]
    [InlineData("010000160000000000000000000000000000000001", "Length field beyond the datagram")]
    [InlineData("01000016000000000000000000000000000000000101", "attribute length 1")]
    [InlineData("01000016000000000000000000000000000000000100", "attribute length 0")]
    [InlineData("010000170000000000000000000000000000000001056e", "attribute running past the packet")]
    [InlineData("0100001500000000000000000000000000000000 01", "attribute header cut short")]
    [InlineData("0100001b00000000000000000000000000000000 1a07 00003a8c 08", "Vendor-Specific value below 6 octets")]
    [InlineData("0100001c00000000000000000000000000000000 1a08 00003a8c 0801", "vendor sub-attribute length 1")]
    [InlineData("0100001d00000000000000000000000000000000 1a09 00003a8c 080561", "vendor sub-attribute past the attribute")]
    [InlineData("0100001f00000000000000000000000000000000 1a0b 00003a8c 0803 61 0105", "second vendor sub-attribute past the attribute")]
    [InlineData("0100001e00000000000000000000000000000000 1a0a 00003a8c 080361 00", "stray octet after the sub-attributes")]
    [InlineData("0100002100000000000000000000000000000000 500d 00000000000000000000000000", "Message-Authenticator shorter than 16 octets")]
    public void Read_InvalidStructure_ThrowsMalformed(string hex, string because)
    {
        FluentActions.Invoking(() => RadiusPacketCodec.Read(Bytes(hex))).Should().Throw<MalformedPacketException>(because);
    }

    [Fact]
    public void Read_TwoMessageAuthenticators_ThrowsMalformed()
    {
        var zeros = new string('0', 32);
        var bytes = Bytes("01000038" + zeros + "5012" + zeros + "5012" + zeros);

        FluentActions.Invoking(() => RadiusPacketCodec.Read(bytes)).Should().Throw<MalformedPacketException>();
    }

    [Fact]
    public void Write_SecondMessageAuthenticator_IsRefused()
    {
        var packet = new RadiusPacket(RadiusCode.AccessRequest, 1)
            .Add(new RadiusAttribute(RadiusAttributeType.MessageAuthenticator, new byte[16]))
            .Add(new RadiusAttribute(RadiusAttributeType.MessageAuthenticator, new byte[16]));

        FluentActions.Invoking(() => RadiusPacketCodec.Encode(packet, "s"u8)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Read_VendorSpecificWithSeveralSubAttributes_YieldsEachOne()
    {
        // One attribute 26 carrying Mikrotik-Rate-Limit "1M/2M" and Mikrotik-Total-Limit 5000 (RFC 2865 §5.26 allows several).
        var bytes = Bytes("0200002a" + "00000000000000000000000000000000" + "1a13 00003a8c 0807314d2f324d 110600001388" + "0a03ff");

        var view = RadiusPacketCodec.Read(bytes);
        var seen = new List<(uint, byte, string)>();
        foreach (var attribute in view.Attributes)
        {
            seen.Add((attribute.VendorId, attribute.VendorType, Convert.ToHexString(attribute.Value)));
        }

        seen.Should().Equal((Mikrotik.VendorId, (byte)8, "314D2F324D"), (Mikrotik.VendorId, (byte)17, "00001388"), (0u, (byte)0, "FF"));
        var packet = view.ToPacket();
        packet.GetString(Mikrotik.VendorId, MikrotikAttributeType.RateLimit).Should().Be("1M/2M");
        packet.GetUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit).Should().Be(5000);
        packet.Attributes[2].Type.Should().Be(10);
    }

    [Fact]
    public void Encode_VendorAttributes_OneSubAttributePerAttribute26()
    {
        var packet = new RadiusPacket(RadiusCode.AccountingRequest, 7)
            .Add(Mikrotik.RateLimit(512_000, 2_000_000))
            .AddVendorUInt32(Mikrotik.VendorId, MikrotikAttributeType.TotalLimit, 42);

        var bytes = RadiusPacketCodec.Encode(packet, "s3cret"u8);

        Convert.ToHexStringLower(bytes.AsSpan(20)).Should().Be("1a0f00003a8c08093531326b2f324d" + "1a0c00003a8c11060000002a");
        RadiusPacketCodec.Parse(bytes, "s3cret"u8).Attributes.Should().Equal(packet.Attributes);
    }

    [Fact]
    public void RoundTrip_EveryDataType_KeepsValuesAndOrder()
    {
        var when = new DateTimeOffset(2026, 6, 30, 0, 33, 2, TimeSpan.Zero);
        var packet = new RadiusPacket(RadiusCode.AccountingRequest, 200)
            .AddString(RadiusAttributeType.UserName, "mteja-ü")
            .AddUInt32(RadiusAttributeType.AcctStatusType, (uint)AcctStatusType.InterimUpdate)
            .AddOctets(RadiusAttributeType.Class, [0, 1, 2, 255])
            .AddIPAddress(RadiusAttributeType.FramedIpAddress, IPAddress.Parse("10.5.88.2"))
            .AddDate(RadiusAttributeType.EventTimestamp, when)
            .AddUInt64(240, 6_000_000_000UL)
            .AddIPAddress(RadiusAttributeType.NasIpv6Address, IPAddress.Parse("2001:db8::1"))
            .Add(RadiusAttribute.FromIPv6Prefix(RadiusAttributeType.FramedIpv6Prefix, IPAddress.Parse("2001:db8:1:2::"), 64))
            .Add(RadiusAttribute.FromIPv6Prefix(RadiusAttributeType.FramedIpv6Prefix, IPAddress.IPv6Any, 0))
            .AddString(RadiusAttributeType.UserName, "second");

        var parsed = RadiusPacketCodec.Parse(RadiusPacketCodec.Encode(packet, "k"u8), "k"u8);

        parsed.Attributes.Should().Equal(packet.Attributes);
        parsed.GetString(RadiusAttributeType.UserName).Should().Be("mteja-ü");
        parsed.GetAll(RadiusAttributeType.UserName).Select(a => a.AsString()).Should().Equal("mteja-ü", "second");
        parsed.GetDate(RadiusAttributeType.EventTimestamp).Should().Be(when);
        parsed.GetUInt64(240).Should().Be(6_000_000_000UL);
        parsed.GetIPAddress(RadiusAttributeType.NasIpv6Address).Should().Be(IPAddress.Parse("2001:db8::1"));
        parsed.Attributes[7].Value.ToArray().Should().Equal(Bytes("0040 20010db800010002"));
        parsed.Attributes[7].AsIPv6Prefix().Should().Be((IPAddress.Parse("2001:db8:1:2::"), 64));
        parsed.Attributes[8].AsIPv6Prefix().Should().Be((IPAddress.IPv6Any, 0));
        parsed.GetUInt32(RadiusAttributeType.SessionTimeout).Should().BeNull();
    }

    [Theory]
    [InlineData("00", "integer")]
    [InlineData("0000000000", "integer")]
    public void TypedGetter_WrongValueLength_ThrowsMalformed(string value, string type)
    {
        var attribute = new RadiusAttribute(RadiusAttributeType.SessionTimeout, Bytes(value));

        FluentActions.Invoking(() => attribute.AsUInt32()).Should().Throw<MalformedPacketException>(type);
        FluentActions.Invoking(() => attribute.AsIPAddress()).Should().Throw<MalformedPacketException>();
        FluentActions.Invoking(() => attribute.AsUInt64()).Should().Throw<MalformedPacketException>();
    }

    [Theory]
    [InlineData("0081")]
    [InlineData("0011 0102")]
    [InlineData("00")]
    public void AsIPv6Prefix_InvalidValue_ThrowsMalformed(string value)
    {
        var attribute = new RadiusAttribute(RadiusAttributeType.FramedIpv6Prefix, Bytes(value));

        FluentActions.Invoking(() => attribute.AsIPv6Prefix()).Should().Throw<MalformedPacketException>();
    }

    [Fact]
    public void Write_PacketOver4096Octets_Throws()
    {
        var packet = new RadiusPacket(RadiusCode.AccessAccept, 1);
        for (var i = 0; i < 17; i++)
        {
            packet.AddOctets(RadiusAttributeType.Class, new byte[253]);
        }

        FluentActions.Invoking(() => RadiusPacketCodec.Encode(packet, "s"u8, new byte[16])).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Attribute_ValueLongerThan253_IsRefused()
    {
        FluentActions.Invoking(() => new RadiusAttribute(RadiusAttributeType.Class, new byte[254])).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new RadiusAttribute(Mikrotik.VendorId, 8, new byte[248])).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Writer_WritesDirectlyIntoTheCallersSpan()
    {
        var request = RadiusPacketCodec.Parse(Bytes(Rfc2865AccessRequest), RfcSecretBytes);
        Span<byte> buffer = stackalloc byte[4096];

        var writer = new RadiusPacketWriter(buffer, RadiusCode.AccessAccept, request.Identifier, request.Authenticator.Span);
        writer.WriteUInt32(RadiusAttributeType.ServiceType, 1);
        writer.WriteUInt32(RadiusAttributeType.LoginService, 0);
        writer.WriteAttribute(RadiusAttributeType.LoginIpHost, [192, 168, 1, 3]);
        var length = writer.Complete(RfcSecretBytes);

        buffer[..length].ToArray().Should().Equal(Bytes(Rfc2865AccessAccept));
        buffer.Slice(length, 64).ToArray().Should().OnlyContain(b => b == 0, "the secret appended for hashing is wiped");
    }
}
