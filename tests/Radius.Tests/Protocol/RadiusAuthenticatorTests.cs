using System.Security.Cryptography;
using WifiBilling.Radius.Protocol;
using static WifiBilling.Radius.Tests.Support.RadiusTestVectors;

namespace WifiBilling.Radius.Tests.Protocol;

/// <summary>Message-Authenticator (RFC 3579 §3.2, RFC 5176 §3.3) and Request/Response Authenticators for every packet kind.</summary>
public sealed class RadiusAuthenticatorTests
{
    [Theory]
    [InlineData(Rfc5997StatusServerAuth)]
    [InlineData(Rfc5997StatusServerAcct)]
    public void Rfc5997StatusServer_MessageAuthenticatorVerifies(string hex)
    {
        var view = RadiusPacketCodec.Read(Bytes(hex));

        RadiusPacketCodec.TryVerify(view, RfcSecretBytes).Should().Be(RadiusVerificationResult.Valid);
        RadiusPacketCodec.TryVerify(view, "xyzzy5462"u8).Should().Be(RadiusVerificationResult.InvalidMessageAuthenticator);
    }

    [Theory]
    [InlineData(Rfc5997StatusServerAuth, RadiusCode.AccessAccept, Rfc5997StatusServerAuthReply)]
    [InlineData(Rfc5997StatusServerAcct, RadiusCode.AccountingResponse, Rfc5997StatusServerAcctReply)]
    public void Rfc5997Replies_AreReproducedByteForByte(string requestHex, RadiusCode replyCode, string replyHex)
    {
        var request = RadiusPacketCodec.Parse(Bytes(requestHex), RfcSecretBytes);

        var reply = RadiusPacketCodec.Encode(request.CreateResponse(replyCode), RfcSecretBytes, request.Authenticator.Span);

        reply.Should().Equal(Bytes(replyHex));
    }

    [Fact]
    public void Rfc5997StatusServer_IsRebuiltByteForByte()
    {
        var request = RadiusPacketCodec.Parse(Bytes(Rfc5997StatusServerAuth), RfcSecretBytes);

        var rebuilt = new RadiusPacket(RadiusCode.StatusServer, request.Identifier, request.Authenticator.Span).AddMessageAuthenticator();

        RadiusPacketCodec.Encode(rebuilt, RfcSecretBytes).Should().Equal(Bytes(Rfc5997StatusServerAuth));
    }

    [Fact]
    public void StatusServer_WithoutMessageAuthenticator_IsMissingOne()
    {
        var bytes = RadiusPacketCodec.Encode(new RadiusPacket(RadiusCode.StatusServer, 3), RfcSecretBytes);

        FluentActions.Invoking(() => RadiusPacketCodec.Parse(bytes, RfcSecretBytes)).Should().Throw<MissingMessageAuthenticatorException>()
            .Which.Should().BeAssignableTo<MessageAuthenticatorException>();
    }

    [Theory]
    [InlineData(RadclientChapChallengeRequest)]
    [InlineData(RadclientLongPasswordRequest)]
    [InlineData(RadclientStatusServer)]
    [InlineData(RadclientDisconnectRequest)]
    public void RadclientPackets_WithMessageAuthenticator_Verify(string hex)
    {
        var bytes = Bytes(hex);

        RadiusPacketCodec.Parse(bytes, RadclientSecretBytes, requireMessageAuthenticator: true).HasMessageAuthenticator.Should().BeTrue();

        FluentActions.Invoking(() => RadiusPacketCodec.Parse(bytes, "testing124"u8)).Should().Throw<RadiusPacketException>();
    }

    [Fact]
    public void DisconnectRequest_MessageAuthenticatorIsComputedOverAZeroAuthenticator()
    {
        // radclient (FreeRADIUS) computed this Message-Authenticator with the Request Authenticator zeroed (RFC 5176 §3.3).
        var bytes = Bytes(RadclientDisconnectRequest);
        var view = RadiusPacketCodec.Read(bytes);
        var offset = bytes.Length - 16;

        RadiusAuthenticator.VerifyMessageAuthenticator(bytes, offset, RadiusAuthenticator.MessageAuthenticatorHeader(view.Code, view.Authenticator, default), RadclientSecretBytes)
            .Should().BeTrue();
        RadiusAuthenticator.VerifyMessageAuthenticator(bytes, offset, view.Authenticator, RadclientSecretBytes)
            .Should().BeFalse("hashing with the real authenticator in the header is the Flexinets bug the RFC rules out");
    }

    [Fact]
    public void AccessRequest_WithoutMessageAuthenticator_FailsOnlyWhenRequired()
    {
        var bytes = Bytes(RadclientPapRequest);

        RadiusPacketCodec.TryVerify(RadiusPacketCodec.Read(bytes), RadclientSecretBytes).Should().Be(RadiusVerificationResult.Valid);
        RadiusPacketCodec.TryVerify(RadiusPacketCodec.Read(bytes), RadclientSecretBytes, requireMessageAuthenticator: true)
            .Should().Be(RadiusVerificationResult.MissingMessageAuthenticator);
    }

    [Theory]
    [InlineData(RadiusCode.AccessRequest)]
    [InlineData(RadiusCode.StatusServer)]
    [InlineData(RadiusCode.AccountingRequest)]
    [InlineData(RadiusCode.CoaRequest)]
    [InlineData(RadiusCode.DisconnectRequest)]
    public void Requests_WithMessageAuthenticator_RoundTripAndDetectTampering(RadiusCode code)
    {
        var packet = new RadiusPacket(code, 9).AddMessageAuthenticator().AddString(RadiusAttributeType.UserName, "0712345678");

        var bytes = RadiusPacketCodec.Encode(packet, "router-secret"u8);

        RadiusPacketCodec.Parse(bytes, "router-secret"u8, requireMessageAuthenticator: true).GetString(RadiusAttributeType.UserName).Should().Be("0712345678");
        ExpectedMessageAuthenticator(bytes, code.HasKeyedRequestAuthenticator() ? new byte[16] : bytes[4..20], "router-secret"u8)
            .Should().Equal(bytes[22..38]);
        bytes[^1] ^= 1;
        FluentActions.Invoking(() => RadiusPacketCodec.Parse(bytes, "router-secret"u8)).Should().Throw<RadiusPacketException>();
    }

    [Theory]
    [InlineData(RadiusCode.AccessAccept)]
    [InlineData(RadiusCode.AccessReject)]
    [InlineData(RadiusCode.AccessChallenge)]
    [InlineData(RadiusCode.AccountingResponse)]
    [InlineData(RadiusCode.CoaAck)]
    [InlineData(RadiusCode.CoaNak)]
    [InlineData(RadiusCode.DisconnectAck)]
    [InlineData(RadiusCode.DisconnectNak)]
    public void Responses_WithMessageAuthenticator_UseTheRequestAuthenticator(RadiusCode code)
    {
        var requestAuthenticator = RandomNumberGenerator.GetBytes(16);
        var response = new RadiusPacket(code, 77).AddMessageAuthenticator().AddUInt32(RadiusAttributeType.SessionTimeout, 3600);

        var bytes = RadiusPacketCodec.Encode(response, "s"u8, requestAuthenticator);

        RadiusPacketCodec.Parse(bytes, "s"u8, requestAuthenticator, requireMessageAuthenticator: true).GetUInt32(RadiusAttributeType.SessionTimeout).Should().Be(3600);
        ExpectedMessageAuthenticator(bytes, requestAuthenticator, "s"u8).Should().Equal(bytes[22..38]);
        var md5 = MD5.HashData([.. bytes[..4], .. requestAuthenticator, .. bytes[20..], .. "s"u8.ToArray()]);
        bytes[4..20].Should().Equal(md5, "Response Authenticator = MD5(Code|Id|Length|RequestAuth|Attributes|Secret)");
        FluentActions.Invoking(() => RadiusPacketCodec.Parse(bytes, "s"u8, RandomNumberGenerator.GetBytes(16))).Should().Throw<InvalidAuthenticatorException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void MessageAuthenticator_MatchesHmacMd5ForAnySecretLength(int secretLength)
    {
        var secret = RandomNumberGenerator.GetBytes(secretLength);
        var packet = new RadiusPacket(RadiusCode.AccessRequest, 3).AddString(RadiusAttributeType.UserName, "x").AddMessageAuthenticator();

        var bytes = RadiusPacketCodec.Encode(packet, secret);

        ExpectedMessageAuthenticator(bytes, bytes[4..20], secret).Should().Equal(bytes[22..38]);
        RadiusPacketCodec.Parse(bytes, secret, requireMessageAuthenticator: true).Should().NotBeNull();
    }

    [Fact]
    public void UnknownCode_IsNotSupported()
    {
        var bytes = Bytes("6300001400000000000000000000000000000000");

        FluentActions.Invoking(() => RadiusPacketCodec.Parse(bytes, "s"u8)).Should().Throw<RadiusPacketException>();
    }

    /// <summary>Independent HMAC-MD5 over the packet with the MA zeroed and <paramref name="header"/> as authenticator.</summary>
    private static byte[] ExpectedMessageAuthenticator(byte[] packet, byte[] header, ReadOnlySpan<byte> secret)
    {
        var copy = (byte[])packet.Clone();
        header.CopyTo(copy, 4);
        var offset = FindMessageAuthenticator(copy);
        Array.Clear(copy, offset, 16);
        return HMACMD5.HashData(secret, copy);
    }

    private static int FindMessageAuthenticator(byte[] packet)
    {
        for (var offset = 20; offset < packet.Length; offset += packet[offset + 1])
        {
            if (packet[offset] == RadiusAttributeType.MessageAuthenticator)
            {
                return offset + 2;
            }
        }

        throw new InvalidOperationException("no Message-Authenticator");
    }
}
