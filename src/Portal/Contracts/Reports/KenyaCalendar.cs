using WifiBilling.Billing.Payments.Daraja;

namespace WifiBilling.Portal.Contracts.Reports;

/// <summary>
/// Kenya calendar days (EAT, UTC+3, no daylight saving). Operators count the day's takings by the local day, and
/// the stores' revenue grouping uses the same days.
/// </summary>
public static class KenyaCalendar
{
    public static TimeSpan Offset => KenyaTime.Offset;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(KenyaTime.Offset).DateTime);

    /// <summary>The instant a Kenya day starts (00:00 EAT), with the +03:00 offset.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), KenyaTime.Offset);

    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(KenyaTime.Offset).DateTime);
}
