namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// M-Pesa phone numbers as Daraja wants them: 12 digits, <c>2547XXXXXXXX</c> or <c>2541XXXXXXXX</c> (Safaricom also
/// issues 01xx numbers). Accepts what customers type: 0712 345 678, +254712345678, 712345678.
/// </summary>
public static class MpesaPhoneNumber
{
    /// <summary>Normalises <paramref name="input"/> to 2547…/2541…; false when it is not a Kenyan mobile number.</summary>
    public static bool TryNormalize(string? input, out string msisdn)
    {
        msisdn = string.Empty;
        if (string.IsNullOrWhiteSpace(input))
        {
            return false;
        }

        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in input.Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c;
            }
            else if (c is not (' ' or '-' or '(' or ')' or '.') && !(c == '+' && count == 0))
            {
                return false;
            }
        }

        ReadOnlySpan<char> national = digits[..count] switch
        {
            [ '2', '5', '4', .. var rest ] when rest.Length == 9 => rest,
            [ '0', .. var rest ] when rest.Length == 9 => rest,
            var rest when rest.Length == 9 => rest,
            _ => [],
        };

        if (national.Length != 9 || national[0] is not ('7' or '1'))
        {
            return false;
        }

        msisdn = string.Concat("254", national);
        return true;
    }

    /// <summary>True for an already normalised number (what Daraja validates PartyA and PhoneNumber against).</summary>
    public static bool IsValid(string? msisdn) =>
        msisdn is { Length: 12 } && msisdn.StartsWith("254", StringComparison.Ordinal)
        && msisdn[3] is '7' or '1' && msisdn.All(char.IsAsciiDigit);

    /// <summary>Masked form for logs (<c>2547******89</c>): full phone numbers never reach a log.</summary>
    public static string Mask(string? msisdn)
    {
        if (string.IsNullOrEmpty(msisdn))
        {
            return string.Empty;
        }

        return msisdn.Length <= 6
            ? new string('*', msisdn.Length)
            : string.Concat(msisdn.AsSpan(0, 4), new string('*', msisdn.Length - 6), msisdn.AsSpan(msisdn.Length - 2));
    }
}
