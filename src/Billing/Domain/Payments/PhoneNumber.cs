using System.Diagnostics.CodeAnalysis;

namespace WifiBilling.Billing.Domain.Payments;

/// <summary>
/// A Kenyan mobile number in the form Daraja wants, <c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c>. Accepts what
/// customers type: <c>07…</c>, <c>01…</c>, <c>+254…</c>, <c>254…</c>, <c>7…</c>, <c>1…</c>, with spaces or dashes.
/// </summary>
public sealed record PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    /// <summary>12 digits starting 2547 or 2541.</summary>
    public string Value { get; }

    /// <summary>The only form a log may show, e.g. <c>2547******89</c>.</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 4), "******", Value.AsSpan(10, 2));

    public static PhoneNumber Parse(string? text, string field = "phone") =>
        TryParse(text, out var phone)
            ? phone
            : throw new BillingValidationException(
                field,
                "must be a Safaricom mobile number such as 0712345678, 0112345678 or 254712345678");

    public static bool TryParse(string? text, [NotNullWhen(true)] out PhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 24)
        {
            return false;
        }

        Span<char> digits = stackalloc char[24];
        var count = 0;
        var trimmed = text.AsSpan().Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is ' ' or '-')
            {
                continue;
            }

            // '+' only as the very first character, and only in front of the country code (checked below).
            if (c == '+' && i == 0)
            {
                continue;
            }

            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            digits[count++] = c;
        }

        ReadOnlySpan<char> subscriber = digits[..count] switch
        {
            { Length: 12 } d when d.StartsWith("254") => d[3..],
            { Length: 10 } d when d[0] == '0' && trimmed[0] != '+' => d[1..],
            { Length: 9 } d when trimmed[0] != '+' => d,
            _ => default,
        };

        // Kenyan mobile prefixes are 7XX and 1XX (Safaricom also issues 011x numbers).
        if (subscriber.Length != 9 || subscriber[0] is not ('7' or '1'))
        {
            return false;
        }

        phone = new PhoneNumber(string.Concat("254", subscriber));
        return true;
    }

    public override string ToString() => Masked;
}
