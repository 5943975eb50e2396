using System.Security.Cryptography;
using System.Text;
using WifiBilling.Radius.Protocol;
using static WifiBilling.Radius.Tests.Support.RadiusTestVectors;

namespace WifiBilling.Radius.Tests.Protocol;

public sealed class ChapTests
{
    [Fact]
    public void VerifyRequest_RadclientChapWithoutChallenge_UsesTheRequestAuthenticator()
    {
        var request = RadiusPacketCodec.Parse(Bytes(RadclientChapRequest), RadclientSecretBytes);

        request.Contains(RadiusAttributeType.ChapChallenge).Should().BeFalse();
        Chap.VerifyRequest(request, "chapsecret"u8).Should().BeTrue();
        Chap.VerifyRequest(request, "chapsecreT"u8).Should().BeFalse();
    }

    [Fact]
    public void VerifyRequest_RadclientChapWithChallenge_UsesTheChapChallenge()
    {
        var request = RadiusPacketCodec.Parse(Bytes(RadclientChapChallengeRequest), RadclientSecretBytes);
        var challenge = request.GetOctets(RadiusAttributeType.ChapChallenge)!;

        Chap.VerifyRequest(request, "pumpkin42"u8).Should().BeTrue();
        Chap.Verify(request.GetOctets(RadiusAttributeType.ChapPassword), request.Authenticator.Span, "pumpkin42"u8)
            .Should().BeFalse("the challenge is the CHAP-Challenge attribute, not the authenticator");
        Chap.Verify(request.GetOctets(RadiusAttributeType.ChapPassword), challenge, "pumpkin41"u8).Should().BeFalse();
    }

    [Fact]
    public void ComputeResponse_IsMd5OfIdentPasswordChallenge()
    {
        var challenge = RandomNumberGenerator.GetBytes(16);
        var response = new byte[Chap.ResponseLength];

        Chap.ComputeResponse(0x34, "voucher"u8, challenge, response);

        response[0].Should().Be(0x34);
        response[1..].Should().Equal(MD5.HashData([0x34, .. Encoding.ASCII.GetBytes("voucher"), .. challenge]));
        Chap.Verify(response, challenge, "voucher"u8).Should().BeTrue();
        Chap.Verify(response.AsSpan(0, 16), challenge, "voucher"u8).Should().BeFalse("a CHAP-Password is 17 octets");
    }

    [Fact]
    public void VerifyRequest_WithoutChapPassword_IsFalse()
    {
        Chap.VerifyRequest(new RadiusPacket(RadiusCode.AccessRequest, 1), "x"u8).Should().BeFalse();
    }
}
