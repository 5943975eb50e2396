using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace WifiBilling.Portal.Tests.Deploy.Hotspot;

/// <summary>mikrotik/hotspot/md5.js, run by node: RFC 1321 vectors, random inputs against .NET, the router's CHAP use.</summary>
public sealed class Md5JsTests
{
    // Loads md5.js the way a page does (a classic script, sloppy mode, so octal escapes in the router's literals
    // work), then evaluates each JavaScript expression read from stdin.
    private const string Harness = """
        const vm = require('vm'), fs = require('fs');
        const page = vm.createContext({});
        vm.runInContext(fs.readFileSync(process.argv[2], 'utf8'), page);
        const expressions = JSON.parse(fs.readFileSync(0, 'utf8'));
        process.stdout.write(JSON.stringify(expressions.map(e => vm.runInContext(e, page))));
        """;

    private static readonly string Md5Js = Path.Combine(RepositoryPaths.HotspotPages, "md5.js");

    [SkippableFact]
    public async Task HexMD5_matches_the_RFC_1321_test_suite()
    {
        // RFC 1321 appendix A.5.
        var suite = new (string Input, string Digest)[]
        {
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
        };

        var digests = await EvaluateAsync(suite.Select(vector => $"hexMD5({JsonSerializer.Serialize(vector.Input)})"));

        digests.Should().Equal(suite.Select(vector => vector.Digest));
    }

    [SkippableFact]
    public async Task HexMD5_of_any_byte_string_equals_dotnet_MD5_across_block_boundaries()
    {
        // Lengths around the 55/56/64-byte padding edges and a few blocks beyond; every byte value 0-255 occurs.
        var random = new Random(1321);
        var inputs = Enumerable.Range(0, 140).Select(length =>
        {
            var bytes = new byte[length];
            random.NextBytes(bytes);
            return bytes;
        }).Append(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray()).ToList();

        var digests = await EvaluateAsync(inputs.Select(bytes => $"hexMD5({BinaryStringLiteral(bytes)})"));

        digests.Should().Equal(inputs.Select(bytes => Convert.ToHexStringLower(MD5.HashData(bytes))));
    }

    [SkippableFact]
    public async Task CHAP_password_from_the_routers_octal_literals_equals_MD5_of_id_password_challenge()
    {
        // The page gets chap-id and chap-challenge as the router renders them: JavaScript literals of octal escapes
        // (HS-CUSTOM example values "\371" and "\357\015\330...\316").
        byte chapId = 0xF9;
        byte[] challenge = [0xEF, 0x0D, 0xD8, 0x0B, 0x11, 0x9C, 0x65, 0xA5, 0xC3, 0xAB, 0x62, 0xA6, 0x5B, 0x7D, 0xFD, 0xCE];
        var expression = $"hexMD5('{Octal([chapId])}' + 'password' + '{Octal(challenge)}')";

        var digest = (await EvaluateAsync([expression])).Single();

        var expected = MD5.HashData([chapId, .. "password"u8, .. challenge]);
        digest.Should().Be(Convert.ToHexStringLower(expected), "RFC 1994: MD5(identifier + secret + challenge)");
    }

    [SkippableFact]
    public async Task Characters_above_U_00FF_are_hashed_as_UTF8_and_hex_helpers_round_trip()
    {
        var results = await EvaluateAsync([
            "hexMD5('M-Pesa \u20ac \ud83d\udcf6')",
            "binaryToHex('\\371\\000\\377A')",
            "binaryToHex(hexToBinary('f900ff41'))",
        ]);

        results[0].Should().Be(Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes("M-Pesa \u20ac \ud83d\udcf6"))));
        results[1].Should().Be("f900ff41");
        results[2].Should().Be("f900ff41");
    }

    private static async Task<List<string>> EvaluateAsync(IEnumerable<string> expressions)
    {
        Skip.IfNot(NodeRunner.IsInstalled, "node is not installed");
        var output = await NodeRunner.RunAsync(Harness, JsonSerializer.Serialize(expressions.ToList()), Md5Js);
        return JsonSerializer.Deserialize<List<string>>(output)!;
    }

    private static string BinaryStringLiteral(byte[] bytes) =>
        "'" + string.Concat(bytes.Select(b => $"\\x{b:x2}")) + "'";

    private static string Octal(byte[] bytes) => string.Concat(bytes.Select(b => "\\" + Convert.ToString(b, 8).PadLeft(3, '0')));
}
