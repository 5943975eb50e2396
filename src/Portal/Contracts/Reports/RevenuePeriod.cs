using System.Globalization;
using WifiBilling.Billing.Domain;

namespace WifiBilling.Portal.Contracts.Reports;

/// <summary>
/// The period of a revenue report, read from <c>from</c> and <c>to</c>. Each is either a Kenya calendar day
/// (<c>2025-01-31</c>; <c>to</c> includes that whole day) or an ISO 8601 instant with an offset
/// (<c>2025-01-31T12:00:00+03:00</c>; <c>to</c> excluded). Defaults: the 30 Kenya days ending today.
/// </summary>
public sealed record RevenuePeriod(DateTimeOffset From, DateTimeOffset To)
{
    public const int DefaultDays = 30;

    /// <summary>A year (366 days with a leap day) is the longest report, which keeps a by-day answer bounded.</summary>
    public const int MaxDays = 366;

    private const string DayFormat = "yyyy-MM-dd";
    private const int MinYear = 2000;
    private const int MaxYear = 2999;

    public static RevenuePeriod Parse(string? from, string? to, TimeProvider time)
    {
        var end = string.IsNullOrWhiteSpace(to)
            ? KenyaCalendar.StartOf(KenyaCalendar.Today(time).AddDays(1))
            : ParseBound(to, "to", endOfDay: true);
        var start = string.IsNullOrWhiteSpace(from)
            ? KenyaCalendar.StartOf(KenyaCalendar.DayOf(end.AddTicks(-1)).AddDays(1 - DefaultDays))
            : ParseBound(from, "from", endOfDay: false);

        if (end <= start)
        {
            throw new BillingValidationException("to", "must be after from");
        }

        if (end - start > TimeSpan.FromDays(MaxDays))
        {
            throw new BillingValidationException("from", $"the period must be at most {MaxDays} days");
        }

        return new RevenuePeriod(start.ToOffset(KenyaCalendar.Offset), end.ToOffset(KenyaCalendar.Offset));
    }

    /// <summary>The Kenya days the period touches, in order (for a gap-free by-day report).</summary>
    public IEnumerable<DateOnly> Days()
    {
        var last = KenyaCalendar.DayOf(To.AddTicks(-1));
        for (var day = KenyaCalendar.DayOf(From); day <= last; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    private static DateTimeOffset ParseBound(string text, string field, bool endOfDay)
    {
        // A '+' in a query string arrives as a space unless the caller escaped it ("T12:00:00 03:00").
        var trimmed = text.Trim();
        if (trimmed.Contains('T', StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed.Replace(' ', '+');
        }

        // Years far from now are typing mistakes, and near the ends of the calendar a day after or an offset overflows.
        if (DateOnly.TryParseExact(trimmed, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day.Year is >= MinYear and <= MaxYear)
        {
            return KenyaCalendar.StartOf(endOfDay ? day.AddDays(1) : day);
        }

        // An instant must say which clock it is on: without an offset, 10:00 could be Kenya or UTC, 3 hours apart.
        if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant)
            && HasOffset(trimmed)
            && instant.UtcDateTime.Year is >= MinYear and <= MaxYear)
        {
            return instant;
        }

        throw new BillingValidationException(field, "must be a Kenya date (2025-01-31) or an ISO 8601 time with an offset (2025-01-31T12:00:00+03:00)");
    }

    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.OrdinalIgnoreCase);
        return time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.IndexOfAny(['+', '-'], time) > 0);
    }
}
