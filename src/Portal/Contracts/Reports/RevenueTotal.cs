namespace WifiBilling.Portal.Contracts.Reports;

/// <summary>Sum of a report's lines: whole KES and number of payments.</summary>
public sealed record RevenueTotal(long Amount, long Count);
