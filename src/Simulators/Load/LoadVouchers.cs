using System.Globalization;

namespace WifiBilling.Simulators.Load;

/// <summary>
/// The voucher list a load run logs in with, and each voucher's device: a MAC derived from the code alone, so a
/// voucher always comes back from the same device in every run and in any order (its device limit stays satisfied,
/// and a second run re-logs in instead of being refused as a second device).
/// </summary>
public static class LoadVouchers
{
    /// <summary>Reads codes, one per line; blank lines and lines starting with <c>#</c> are skipped.</summary>
    public static IReadOnlyList<string> Read(string path) =>
        File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

    /// <summary>A locally administered unicast MAC (<c>02:…</c>) from a 64-bit FNV-1a hash of the code.</summary>
    public static string DeviceFor(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var hash = 14695981039346656037UL;
        foreach (var c in code.ToUpperInvariant())
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return DeviceFromNumber(hash);
    }

    /// <summary>A device nobody has paid for (MAC logins of unknown devices): <c>06:…</c> plus the number.</summary>
    public static string UnknownDevice(long number) => DeviceFromNumber((ulong)number, firstOctet: 0x06);

    private static string DeviceFromNumber(ulong value, byte firstOctet = 0x02) =>
        string.Create(CultureInfo.InvariantCulture, $"{firstOctet:X2}:{(byte)(value >> 32):X2}:{(byte)(value >> 24):X2}:{(byte)(value >> 16):X2}:{(byte)(value >> 8):X2}:{(byte)value:X2}");
}
