using WifiBilling.Billing.Domain.Payments;

namespace WifiBilling.Portal.Contracts.Reports;

/// <summary>
/// <c>GET /api/admin/reports/revenue</c>: money received in [<see cref="From"/>, <see cref="To"/>) (Kenya time,
/// UTC+3), one line per group. Grouped by day, every day of the period has a line (zero when nothing was paid) so a
/// chart's time axis has no gaps.
/// </summary>
public sealed record RevenueReportResponse(
    DateTimeOffset From,
    DateTimeOffset To,
    RevenueGrouping GroupBy,
    IReadOnlyList<RevenueReportLine> Lines,
    RevenueTotal Total);
