using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Billing.Tests.Domain;

public sealed class VoucherCodeTests
{
    [Fact]
    public void Next_DefaultGenerator_GivesTenCrockfordSymbols()
    {
        var generator = new VoucherCodeGenerator();

        for (var i = 0; i < 1000; i++)
        {
            var code = generator.Next().Value;
            code.Should().HaveLength(10);
            code.Should().MatchRegex("^[0-9A-HJKMNP-TV-Z]{10}$", "Crockford Base32 has no I, L, O or U");
        }
    }

    [Fact]
    public void Next_OneMillionCodes_HaveNoCollision()
    {
        // 50 bits per code: the birthday bound puts a collision among 10^6 codes near 1 in 2,000 runs, and
        // the store retries on collision anyway; what this catches is a weak or non-random generator.
        var generator = new VoucherCodeGenerator();
        var seen = new HashSet<string>(1_000_000, StringComparer.Ordinal);

        for (var i = 0; i < 1_000_000; i++)
        {
            seen.Add(generator.Next().Value);
        }

        seen.Should().HaveCount(1_000_000);
    }

    [Fact]
    public void Next_EverySymbolOfTheAlphabet_IsUsedAboutEvenly()
    {
        var generator = new VoucherCodeGenerator();
        var counts = new Dictionary<char, int>();
        for (var i = 0; i < 20_000; i++)
        {
            foreach (var c in generator.Next().Value)
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }

        counts.Keys.Should().BeEquivalentTo(VoucherCode.Alphabet.ToCharArray());
        // 200,000 symbols / 32 = 6,250 expected each; ±15 % is far outside random spread (σ ≈ 78).
        counts.Values.Should().OnlyContain(n => n > 5300 && n < 7200);
    }

    [Fact]
    public void Next_TwelveSymbolCodes_AreNeverShapedLikeAMac()
    {
        // At 12 symbols one code in 4,096 would be 12 hex digits; the generator must draw again for those.
        var generator = new VoucherCodeGenerator(12);

        for (var i = 0; i < 200_000; i++)
        {
            MacAddress.LooksLikeMac(generator.Next().Value).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("abcd-efgh-jk", "ABCDEFGHJK")]
    [InlineData("ABCD EFGH JK", "ABCDEFGHJK")]
    [InlineData("0oO1iIlL23", "000111112" + "3")]
    [InlineData("  7K3M9P2QXZ ", "7K3M9P2QXZ")]
    public void TryParse_WhatPeopleType_IsNormalised(string typed, string expected)
    {
        VoucherCode.TryParse(typed, out var code).Should().BeTrue();
        code!.Value.Should().Be(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("ABCDEFGHJKMNPQRST")]
    [InlineData("ABCDEFGHJU")]
    [InlineData("ABCD_EFGHJ")]
    [InlineData("AA:BB:CC:DD:EE:FF")]
    [InlineData("AABBCCDDEEFF")]
    [InlineData("aabb.ccdd.eeff")]
    public void TryParse_NotACode_IsRefused(string? typed)
    {
        VoucherCode.TryParse(typed, out _).Should().BeFalse();
    }

    [Fact]
    public void Parse_NotACode_NamesTheField()
    {
        var act = () => VoucherCode.Parse("??", "code");

        act.Should().Throw<BillingValidationException>().Which.Field.Should().Be("code");
    }

    [Fact]
    public void Masked_ShowsOnlyTheFirstThreeSymbols()
    {
        VoucherCode.Parse("7K3M9P2QXZ").Masked.Should().Be("7K3***");
        VoucherCode.Mask(null).Should().Be("***");
    }

    [Fact]
    public void Constructor_LengthBelowFortyBits_IsRefused()
    {
        var act = () => new VoucherCodeGenerator(7);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
