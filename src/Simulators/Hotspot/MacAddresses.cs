using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WifiBilling.Simulators.Hotspot;

/// <summary>MAC text as a hotspot writes it: Calling-Station-Id upper-case with colons, User-Name in the profile's format.</summary>
public static class MacAddresses
{
    /// <summary>Normalises any 12-hex-digit MAC to <c>AA:BB:CC:DD:EE:FF</c>; throws for anything else.</summary>
    public static string Normalize(string mac)
    {
        ArgumentNullException.ThrowIfNull(mac);
        var digits = Digits(mac);
        return Format(digits, RadiusMacFormat.ColonPairs);
    }

    /// <summary>Writes a MAC in a <c>radius-mac-format</c> (upper-case hex, as RouterOS does).</summary>
    public static string Format(string mac, RadiusMacFormat format)
    {
        ArgumentNullException.ThrowIfNull(mac);
        var d = Digits(mac);
        return format switch
        {
            RadiusMacFormat.ColonQuads => $"{d[..4]}:{d[4..8]}:{d[8..]}",
            RadiusMacFormat.ColonHalves => $"{d[..6]}:{d[6..]}",
            RadiusMacFormat.DashPairs => Pairs(d, '-'),
            RadiusMacFormat.DashHalves => $"{d[..6]}-{d[6..]}",
            RadiusMacFormat.Plain => d,
            RadiusMacFormat.SpacePairs => Pairs(d, ' '),
            _ => Pairs(d, ':'),
        };
    }

    /// <summary>A random locally administered unicast MAC (like a phone's private Wi-Fi address).</summary>
    public static string Random()
    {
        var bytes = RandomNumberGenerator.GetBytes(6);
        bytes[0] = (byte)((bytes[0] & 0xFC) | 0x02);
        return string.Join(':', bytes.Select(b => b.ToString("X2", CultureInfo.InvariantCulture)));
    }

    private static string Digits(string mac)
    {
        var digits = new StringBuilder(12);
        foreach (var c in mac)
        {
            if (char.IsAsciiHexDigit(c))
            {
                digits.Append(char.ToUpperInvariant(c));
            }
            else if (c is not (':' or '-' or '.' or ' '))
            {
                throw new ArgumentException($"'{mac}' is not a MAC address.", nameof(mac));
            }
        }

        return digits.Length == 12 ? digits.ToString() : throw new ArgumentException($"'{mac}' is not a MAC address.", nameof(mac));
    }

    private static string Pairs(string digits, char separator) =>
        string.Join(separator, Enumerable.Range(0, 6).Select(i => digits.Substring(i * 2, 2)));
}
