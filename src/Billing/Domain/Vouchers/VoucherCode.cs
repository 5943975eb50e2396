using System.Diagnostics.CodeAnalysis;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// A voucher code: the hotspot user name and password at once. Crockford Base32 in upper case, so it is
/// case-insensitive and has no look-alike symbols; decoding forgives what people type (lower case, O for 0,
/// I or L for 1, spaces and dashes). A code is never shaped like a MAC address, because RouterOS treats a
/// MAC-shaped user name as a MAC login (mikrotik.md §6 pitfall 9).
/// </summary>
public sealed record VoucherCode
{
    /// <summary>Crockford's Base32 symbols: digits and letters without I, L, O, U.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>8 symbols = 40 bits, the least the design allows.</summary>
    public const int MinLength = 8;

    public const int MaxLength = 16;

    private VoucherCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>What logs may show: the first 3 symbols. A code is a credential.</summary>
    public string Masked => Mask(Value);

    /// <summary>Masks any code-like text for logs (first 3 characters + <c>***</c>).</summary>
    public static string Mask(string? text) =>
        string.IsNullOrEmpty(text) ? "***" : string.Concat(text.AsSpan(0, Math.Min(3, text.Length)), "***");

    /// <summary>
    /// The canonical form of <paramref name="text"/> when it reads as a code, else the text unchanged: for lookups by a
    /// code as an admin typed it, where text that is no code simply matches nothing.
    /// </summary>
    public static string Canonical(string text) => TryParse(text, out var code) ? code.Value : text;

    public static VoucherCode Parse(string? text, string field = "code") =>
        TryParse(text, out var code)
            ? code
            : throw new BillingValidationException(
                field,
                $"must be a voucher code of {MinLength} to {MaxLength} letters and digits (Crockford Base32)");

    public static bool TryParse(string? text, [NotNullWhen(true)] out VoucherCode? code)
    {
        code = null;
        if (text is null || text.Length > MaxLength * 2)
        {
            return false;
        }

        Span<char> symbols = stackalloc char[MaxLength];
        var length = 0;
        foreach (var typed in text)
        {
            if (typed is ' ' or '-')
            {
                continue;
            }

            var symbol = NormaliseSymbol(typed);
            if (symbol == '\0' || length == MaxLength)
            {
                return false;
            }

            symbols[length++] = symbol;
        }

        if (length < MinLength || MacAddress.LooksLikeMac(symbols[..length]))
        {
            return false;
        }

        code = new VoucherCode(new string(symbols[..length]));
        return true;
    }

    /// <summary>Wraps a freshly generated code; the generator guarantees alphabet, length and shape.</summary>
    internal static VoucherCode FromGenerated(string value) => new(value);

    public override string ToString() => Value;

    /// <summary>The canonical symbol for a typed character, or <c>'\0'</c> when it is not part of a code.</summary>
    internal static char NormaliseSymbol(char typed)
    {
        var upper = char.ToUpperInvariant(typed);
        return upper switch
        {
            'O' => '0',
            'I' or 'L' => '1',
            _ => Alphabet.Contains(upper, StringComparison.Ordinal) ? upper : '\0',
        };
    }
}
