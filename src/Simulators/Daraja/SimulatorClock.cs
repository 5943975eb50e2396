using System.Globalization;
using System.Security.Cryptography;

namespace WifiBilling.Simulators.Daraja;

/// <summary>Kenya time (EAT, UTC+3, no DST) and Daraja-looking identifiers (daraja.md §2 "ID formats").</summary>
internal static class SimulatorClock
{
    public static readonly TimeSpan KenyaOffset = TimeSpan.FromHours(3);
    private const string UpperAlphaNumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private const string UpperLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    public static string KenyaTimestamp(DateTimeOffset instant) =>
        instant.ToOffset(KenyaOffset).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);

    public static bool TryParseKenyaTimestamp(string text, out DateTimeOffset utc)
    {
        utc = default;
        if (text.Length != 14 || !DateTime.TryParseExact(text, "yyyyMMddHHmmss", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local))
        {
            return false;
        }

        utc = new DateTimeOffset(local, KenyaOffset).ToUniversalTime();
        return true;
    }

    /// <summary><c>ws_CO_</c> + ddMMyyyyHHmmss (EAT) + milliseconds + the last 9 digits of the MSISDN.</summary>
    public static string CheckoutRequestId(DateTimeOffset instant, string msisdn)
    {
        var kenya = instant.ToOffset(KenyaOffset);
        return string.Create(CultureInfo.InvariantCulture,
            $"ws_CO_{kenya:ddMMyyyyHHmmss}{kenya.Millisecond:D3}{msisdn[^9..]}");
    }

    /// <summary>New-style MerchantRequestID, e.g. <c>f1e2-4b95-a71d-b30d3cdbb7a7942864</c>.</summary>
    public static string MerchantRequestId()
    {
        var hex = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        return string.Create(CultureInfo.InvariantCulture,
            $"{hex[..4]}-{hex[4..8]}-{hex[8..12]}-{hex[12..24]}{RandomNumberGenerator.GetInt32(100_000, 1_000_000)}");
    }

    /// <summary>An M-Pesa receipt / C2B TransID: ten upper-case letters and digits starting with a letter (e.g. NLJ7RT61SV).</summary>
    public static string ReceiptNumber() =>
        string.Concat(RandomNumberGenerator.GetString(UpperLetters, 1), RandomNumberGenerator.GetString(UpperAlphaNumeric, 9));
}
