using System.Security.Cryptography;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// Codes from the operating system's cryptographic RNG, one symbol per random byte (256 is a multiple of 32, so
/// every symbol is equally likely). The default 10 symbols carry 50 bits.
/// </summary>
public sealed class VoucherCodeGenerator : IVoucherCodeGenerator
{
    public const int DefaultLength = 10;

    private readonly int _length;

    public VoucherCodeGenerator(int length = DefaultLength)
    {
        if (length is < VoucherCode.MinLength or > VoucherCode.MaxLength)
        {
            throw new ArgumentOutOfRangeException(
                nameof(length),
                length,
                $"A voucher code has {VoucherCode.MinLength} to {VoucherCode.MaxLength} symbols.");
        }

        _length = length;
    }

    public VoucherCode Next()
    {
        Span<byte> random = stackalloc byte[_length];
        Span<char> symbols = stackalloc char[_length];
        while (true)
        {
            RandomNumberGenerator.Fill(random);
            for (var i = 0; i < random.Length; i++)
            {
                symbols[i] = VoucherCode.Alphabet[random[i] & 31];
            }

            // Only codes of exactly 12 symbols can be MAC-shaped, and then only when all are hex digits; draw again.
            if (!MacAddress.LooksLikeMac(symbols))
            {
                return VoucherCode.FromGenerated(new string(symbols));
            }
        }
    }
}
