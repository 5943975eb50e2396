using System.Diagnostics.CodeAnalysis;

namespace WifiBilling.Billing.Domain.Vouchers;

/// <summary>
/// A device MAC address, normalised to <c>AA:BB:CC:DD:EE:FF</c>. Parsing accepts every RouterOS
/// <c>radius-mac-format</c> (<c>XX:XX:…</c>, <c>XX-XX-…</c>, <c>XXXX:XXXX:XXXX</c>, <c>XXXXXX-XXXXXX</c>,
/// <c>XXXXXXXXXXXX</c>, <c>XX XX …</c>) in either case, because the hotspot sends whichever format it is configured with.
/// </summary>
public sealed record MacAddress
{
    private MacAddress(string value) => Value = value;

    public string Value { get; }

    public static MacAddress Parse(string? text, string field = "mac") =>
        TryParse(text, out var mac)
            ? mac
            : throw new BillingValidationException(field, "must be a MAC address such as AA:BB:CC:DD:EE:FF");

    public static bool TryParse(string? text, [NotNullWhen(true)] out MacAddress? mac)
    {
        mac = null;
        if (text is null || text.Length is < 12 or > 17)
        {
            return false;
        }

        Span<char> normalised = stackalloc char[17];
        var digits = 0;
        foreach (var c in text)
        {
            if (c is ':' or '-' or '.' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c) || digits == 12)
            {
                return false;
            }

            var position = digits + (digits / 2);
            if (digits > 0 && digits % 2 == 0)
            {
                normalised[position - 1] = ':';
            }

            normalised[position] = char.ToUpperInvariant(c);
            digits++;
        }

        if (digits != 12)
        {
            return false;
        }

        mac = new MacAddress(new string(normalised));
        return true;
    }

    /// <summary>True when a RouterOS hotspot could read <paramref name="text"/> as a MAC (12 hex digits, any separators).</summary>
    public static bool LooksLikeMac(ReadOnlySpan<char> text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (c is ':' or '-' or '.' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiHexDigit(c))
            {
                return false;
            }

            digits++;
        }

        return digits == 12;
    }

    public override string ToString() => Value;
}
