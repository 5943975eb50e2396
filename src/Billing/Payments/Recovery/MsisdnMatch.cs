using System.Security.Cryptography;
using System.Text;
using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Billing.Payments.Recovery;

/// <summary>
/// Does the MSISDN Daraja gave with a payment belong to a customer's phone? C2B v2 sends it masked
/// (<c>2547 ***** 126</c>): every visible digit must match in place, and at least six including the last three must be
/// visible. C2B v1 sends the SHA-256 hex of the number: compared with the hash of the normalised number. A kept STK
/// callback carries the full number. An empty MSISDN matches nobody (daraja.md §5 "Field notes").
/// </summary>
public static class MsisdnMatch
{
    private const int MinVisibleDigits = 6;

    public static bool Matches(string? msisdn, PhoneNumber phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        if (string.IsNullOrWhiteSpace(msisdn))
        {
            return false;
        }

        var text = msisdn.Trim();
        if (text.Length == 64 && text.All(char.IsAsciiHexDigit))
        {
            return CryptographicOperations.FixedTimeEquals(
                Convert.FromHexString(text), SHA256.HashData(Encoding.UTF8.GetBytes(phone.Value)));
        }

        var compact = text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        if (!compact.Contains('*', StringComparison.Ordinal))
        {
            return PhoneNumber.TryParse(compact, out var full) && full == phone;
        }

        if (compact.Length == 10 && compact[0] == '0')
        {
            compact = "254" + compact[1..];
        }

        if (compact.Length != phone.Value.Length || !compact[^3..].All(char.IsAsciiDigit))
        {
            return false;
        }

        var visible = 0;
        for (var i = 0; i < compact.Length; i++)
        {
            if (compact[i] == '*')
            {
                continue;
            }

            if (compact[i] != phone.Value[i])
            {
                return false;
            }

            visible++;
        }

        return visible >= MinVisibleDigits;
    }
}
