namespace WifiBilling.Portal.Contracts.Reports;

/// <summary>
/// One group of a revenue report. <see cref="Key"/> is the Kenya day (<c>yyyy-MM-dd</c>), the router id or the plan
/// id; <see cref="Label"/> is what a person reads (router or plan name). Amounts are whole KES.
/// </summary>
public sealed record RevenueReportLine(string Key, string Label, long Amount, long Count);
