using System.Security.Cryptography;
using System.Text;
using WifiBilling.Radius.Protocol;

namespace WifiBilling.Radius.Tests.Protocol;

/// <summary>
/// The managed MD5 behind every RADIUS authenticator: the RFC 1321 §A.5 test suite, agreement with the platform's MD5
/// for every length around the block and padding boundaries and for arbitrary splits of the input, and HMAC-MD5 from
/// precomputed key blocks agreeing with the platform's HMAC for short, block-sized and over-long keys (RFC 2104 §2).
/// </summary>
public sealed class Md5HashTests
{
    [Theory]
    [InlineData("", "d41d8cd98f00b204e9800998ecf8427e")]
    [InlineData("a", "0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("abc", "900150983cd24fb0d6963f7d28e17f72")]
    [InlineData("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
    public void Rfc1321TestSuite(string input, string digest)
    {
        Hash(Encoding.ASCII.GetBytes(input)).Should().Equal(Convert.FromHexString(digest));
    }

    [Fact]
    public void EveryLengthAroundTheBlockAndPaddingBoundaries_MatchesThePlatformMd5()
    {
        var random = new Random(1321);
        for (var length = 0; length <= 300; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);

            Hash(data).Should().Equal(MD5.HashData(data), $"length {length}");
        }
    }

    [Fact]
    public void AnySplitOfTheInput_GivesTheSameDigest_AndTheHashStartsOverAfterEach()
    {
        var random = new Random(2865);
        var hash = new Md5Hash();
        for (var round = 0; round < 500; round++)
        {
            var data = new byte[random.Next(0, 400)];
            random.NextBytes(data);
            var offset = 0;
            while (offset < data.Length)
            {
                var piece = Math.Min(random.Next(0, 90), data.Length - offset);
                hash.AppendData(data.AsSpan(offset, piece));
                offset += piece;
            }

            var digest = new byte[16];
            hash.GetHashAndReset(digest);
            digest.Should().Equal(MD5.HashData(data), $"round {round}, {data.Length} octets");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    [InlineData(21)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(200)]
    public void MessageAuthenticator_FromPrecomputedKeyBlocks_MatchesThePlatformHmacMd5(int keyLength)
    {
        var random = new Random(3579 + keyLength);
        var key = new byte[keyLength];
        random.NextBytes(key);
        foreach (var length in new[] { 20, 38, 80, 230, 4096 })
        {
            var packet = new byte[length];
            random.NextBytes(packet);
            var computed = new byte[16];

            // Twice: the first call computes the key's pad blocks, the second takes them from the cache.
            for (var call = 0; call < 2; call++)
            {
                RadiusAuthenticator.ComputeMessageAuthenticator(packet, -1, packet.AsSpan(4, 16), key, computed);
                computed.Should().Equal(HMACMD5.HashData(key, packet), $"key {keyLength} octets, packet {length} octets, call {call + 1}");
            }
        }
    }

    [Fact]
    public void MessageAuthenticator_WithAZeroedValue_MatchesThePlatformHmacOverTheZeroedPacket()
    {
        var random = new Random(5176);
        var packet = new byte[120];
        random.NextBytes(packet);
        var header = new byte[16];
        random.NextBytes(header);
        var secret = "router-secret"u8.ToArray();
        var zeroed = packet.ToArray();
        header.CopyTo(zeroed, 4);
        Array.Clear(zeroed, 50, 16);
        var computed = new byte[16];

        RadiusAuthenticator.ComputeMessageAuthenticator(packet, 50, header, secret, computed);

        computed.Should().Equal(HMACMD5.HashData(secret, zeroed));
    }

    [Fact]
    public void KeysAlternatingBetweenRouters_EachKeepTheirOwnPadBlocks()
    {
        var packet = Encoding.ASCII.GetBytes("an Access-Request of some twenty-odd octets");
        var computed = new byte[16];
        for (var i = 0; i < 50; i++)
        {
            var key = Encoding.ASCII.GetBytes($"router-{i % 7}");

            RadiusAuthenticator.ComputeMessageAuthenticator(packet, -1, packet.AsSpan(4, 16), key, computed);

            computed.Should().Equal(HMACMD5.HashData(key, packet));
        }
    }

    private static byte[] Hash(ReadOnlySpan<byte> data)
    {
        var hash = new Md5Hash();
        hash.AppendData(data);
        var digest = new byte[16];
        hash.GetHashAndReset(digest);
        return digest;
    }
}
