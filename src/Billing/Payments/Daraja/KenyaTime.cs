using System.Globalization;

namespace WifiBilling.Billing.Payments.Daraja;

/// <summary>
/// Daraja timestamps (STK Timestamp, callback TransactionDate, C2B TransTime) are Kenya local time, EAT = UTC+3 with
/// no daylight saving (daraja.md §2 "Timestamp timezone"); a server abroad using its own clock gets "Invalid Timestamp".
/// </summary>
public static class KenyaTime
{
    public const string TimestampFormat = "yyyyMMddHHmmss";

    public static readonly TimeSpan Offset = TimeSpan.FromHours(3);

    /// <summary>The 14-digit Daraja timestamp of <paramref name="instant"/>, in Kenya time.</summary>
    public static string ToTimestamp(DateTimeOffset instant) =>
        instant.ToOffset(Offset).ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a 14-digit Kenya-time timestamp into a UTC instant; false when it is not a real date and time.</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset utc)
    {
        utc = default;
        if (text is null || text.Length != TimestampFormat.Length
            || !DateTime.TryParseExact(text, TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return false;
        }

        utc = new DateTimeOffset(local, Offset).ToUniversalTime();
        return true;
    }

    /// <summary>The same for the numeric form the STK callback uses (e.g. 20191219102115).</summary>
    public static bool TryParseTimestamp(long value, out DateTimeOffset utc) =>
        TryParseTimestamp(value.ToString(CultureInfo.InvariantCulture), out utc);
}
