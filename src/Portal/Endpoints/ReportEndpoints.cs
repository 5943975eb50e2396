using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using WifiBilling.Billing.Domain;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Routers;
using WifiBilling.Portal.Admin;
using WifiBilling.Portal.Contracts.Reports;

namespace WifiBilling.Portal.Endpoints;

/// <summary>Reports for the operator: <c>GET /api/admin/reports/revenue</c>.</summary>
public static class ReportEndpoints
{
    /// <summary>Label of money with no router: C2B payments to the PayBill/till, or a buy page opened outside a hotspot.</summary>
    public const string NoRouterLabel = "No router";

    /// <summary>Label of C2B money not yet turned into a voucher (no plan chosen yet).</summary>
    public const string NoPlanLabel = "C2B payment not yet recovered";

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdminGroup().MapGet("/reports/revenue", GetRevenueReportAsync)
            .WithName("GetRevenueReport")
            .WithSummary("Money received, grouped by Kenya day, router or plan")
            .WithDescription(
                "from/to: a Kenya date (2025-01-31, to includes that day) or an ISO 8601 time with an offset (to excluded); " +
                "default the last 30 Kenya days. groupBy: day (default; every day has a line), router or plan. At most 366 days.");
        return app;
    }

    public static async Task<Ok<RevenueReportResponse>> GetRevenueReportAsync(
        string? from,
        string? to,
        string? groupBy,
        IPaymentStore payments,
        IRouterStore routers,
        IPlanStore plans,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var grouping = ParseGrouping(groupBy);
        var period = RevenuePeriod.Parse(from, to, time);
        var found = await payments.GetRevenueAsync(period.From, period.To, grouping, cancellationToken);

        var lines = grouping switch
        {
            RevenueGrouping.Day => ByDay(period, found),
            RevenueGrouping.Router => Labelled(found, await RouterNamesAsync(routers, cancellationToken), NoRouterLabel),
            _ => Labelled(found, await PlanNamesAsync(plans, cancellationToken), NoPlanLabel),
        };
        var total = new RevenueTotal(lines.Sum(l => l.Amount), lines.Sum(l => l.Count));
        return TypedResults.Ok(new RevenueReportResponse(period.From, period.To, grouping, lines, total));
    }

    private static RevenueGrouping ParseGrouping(string? groupBy) =>
        groupBy?.Trim().ToUpperInvariant() switch
        {
            null or "" or "DAY" => RevenueGrouping.Day,
            "ROUTER" => RevenueGrouping.Router,
            "PLAN" => RevenueGrouping.Plan,
            _ => throw new BillingValidationException("groupBy", "must be day, router or plan"),
        };

    /// <summary>One line per Kenya day of the period, zero where nothing was paid.</summary>
    private static List<RevenueReportLine> ByDay(RevenuePeriod period, IReadOnlyList<RevenueLine> found)
    {
        var byKey = found.ToDictionary(l => l.Key, StringComparer.Ordinal);
        return period.Days()
            .Select(day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
            .Select(key => byKey.TryGetValue(key, out var line)
                ? new RevenueReportLine(key, key, line.AmountKes, line.Count)
                : new RevenueReportLine(key, key, 0, 0))
            .ToList();
    }

    /// <summary>Largest amount first; a deleted router or plan keeps its id as its label.</summary>
    private static List<RevenueReportLine> Labelled(
        IReadOnlyList<RevenueLine> found,
        Dictionary<string, string> names,
        string emptyKeyLabel) =>
        found
            .Select(l => new RevenueReportLine(
                l.Key,
                l.Key.Length == 0 ? emptyKeyLabel : names.GetValueOrDefault(l.Key, l.Key),
                l.AmountKes,
                l.Count))
            .OrderByDescending(l => l.Amount)
            .ThenBy(l => l.Label, StringComparer.Ordinal)
            .ToList();

    private static async Task<Dictionary<string, string>> RouterNamesAsync(IRouterStore routers, CancellationToken cancellationToken) =>
        (await routers.ListAsync(cancellationToken)).ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);

    private static async Task<Dictionary<string, string>> PlanNamesAsync(IPlanStore plans, CancellationToken cancellationToken) =>
        (await plans.ListAsync(cancellationToken)).ToDictionary(p => p.Id, p => p.Name, StringComparer.Ordinal);
}
