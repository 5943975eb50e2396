using System.Security.Cryptography;
using System.Text;
using WifiBilling.Radius.Protocol;
using static WifiBilling.Radius.Tests.Support.RadiusTestVectors;

namespace WifiBilling.Radius.Tests.Protocol;

public sealed class RadiusPasswordTests
{
    [Fact]
    public void Hide_Rfc2865Example_GivesTheRfcOctets()
    {
        var authenticator = Bytes("0f403f9473978057bd83d5cb98f4227a");

        RadiusPassword.Hide("arctangent", RfcSecretBytes, authenticator).Should().Equal(Bytes("0dbe708d93d413ce3196e43f782a0aee"));
    }

    [Fact]
    public void Recover_RadclientThreeBlockPassword_GivesTheCleartext()
    {
        var packet = RadiusPacketCodec.Parse(Bytes(RadclientLongPasswordRequest), RadclientSecretBytes);
        var hidden = packet.GetOctets(RadiusAttributeType.UserPassword)!;

        hidden.Should().HaveCount(48);
        RadiusPassword.Recover(hidden, RadclientSecretBytes, packet.Authenticator.Span).Should().Be(RadclientLongPassword);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(33)]
    [InlineData(127)]
    [InlineData(128)]
    public void HideThenRecover_AnyLengthUpTo128_RoundTrips(int length)
    {
        var password = new string('x', length - 1) + "!";
        var authenticator = RandomNumberGenerator.GetBytes(16);

        var hidden = RadiusPassword.Hide(password, "a long shared secret for the hotspot"u8, authenticator);

        hidden.Length.Should().Be(RadiusPassword.GetHiddenLength(length)).And.BeGreaterThanOrEqualTo(16);
        (hidden.Length % 16).Should().Be(0);
        RadiusPassword.Recover(hidden, "a long shared secret for the hotspot"u8, authenticator).Should().Be(password);
    }

    [Fact]
    public void Recover_AllNulSixteenOctets_IsTheEmptyPassword()
    {
        // MikroTik MAC login with an empty mac-auth-password sends one block that decodes to 16 NULs.
        var authenticator = RandomNumberGenerator.GetBytes(16);
        var hidden = new byte[16];
        RadiusPassword.Hide(ReadOnlySpan<byte>.Empty, "s"u8, authenticator, hidden);

        RadiusPassword.Recover(hidden, "s"u8, authenticator).Should().BeEmpty();
        RadiusPassword.Verify(hidden, "s"u8, authenticator, ReadOnlySpan<byte>.Empty).Should().BeTrue();
    }

    [Fact]
    public void Hide_PasswordOver128Octets_IsRefused()
    {
        FluentActions.Invoking(() => RadiusPassword.Hide(new string('p', 129), "s"u8, new byte[16])).Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    [InlineData(144)]
    public void Recover_InvalidHiddenLength_ThrowsMalformed(int length)
    {
        FluentActions.Invoking(() => RadiusPassword.Recover(new byte[length], "s"u8, new byte[16])).Should().Throw<MalformedPacketException>();
    }

    [Fact]
    public void Verify_ComparesTheWholePassword()
    {
        var authenticator = RandomNumberGenerator.GetBytes(16);
        var hidden = RadiusPassword.Hide("K7M2Q9", "s"u8, authenticator);

        RadiusPassword.Verify(hidden, "s"u8, authenticator, Encoding.UTF8.GetBytes("K7M2Q9")).Should().BeTrue();
        RadiusPassword.Verify(hidden, "s"u8, authenticator, Encoding.UTF8.GetBytes("K7M2Q")).Should().BeFalse();
        RadiusPassword.Verify(hidden, "s"u8, authenticator, Encoding.UTF8.GetBytes("K7M2Q9X")).Should().BeFalse();
        RadiusPassword.Verify(hidden, "t"u8, authenticator, Encoding.UTF8.GetBytes("K7M2Q9")).Should().BeFalse();
    }
}
