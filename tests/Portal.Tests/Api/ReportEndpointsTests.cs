using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Portal.Contracts.Reports;
using WifiBilling.Portal.Endpoints;

namespace WifiBilling.Portal.Tests.Api;

/// <summary>
/// GET /api/admin/reports/revenue on a real store with payments paid at known instants. The app's clock is fixed at
/// 2025-03-10 12:00 in Kenya (09:00 UTC), so "the last 30 days" is the same period for the whole test.
/// </summary>
public sealed class ReportEndpointsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly JsonSerializerOptions Json = PortalJson.Options;

    private readonly PortalApiFactory _portal = new(new FakeTimeProvider(Now));

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task Revenue_by_day_has_a_line_for_every_Kenya_day_and_counts_only_paid_money()
    {
        var data = _portal.Data;
        await data.AddPaidPaymentAsync("pln_seed_1", new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));   // KES 20 on 1 March
        await data.AddPaidPaymentAsync("pln_seed_2", new DateTimeOffset(2025, 3, 1, 20, 59, 0, TimeSpan.Zero)); // KES 50, 23:59 EAT: still 1 March
        await data.AddPaidPaymentAsync("pln_seed_3", new DateTimeOffset(2025, 3, 1, 21, 0, 0, TimeSpan.Zero));  // KES 80, 00:00 EAT: 2 March
        await data.AddCancelledPaymentAsync("pln_seed_3", new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.Zero));
        using var admin = _portal.CreateAdminClient();

        var report = await admin.GetFromJsonAsync<RevenueReportResponse>("/api/admin/reports/revenue?from=2025-02-28&to=2025-03-03&groupBy=day", Json);

        report!.From.Should().Be(new DateTimeOffset(2025, 2, 28, 0, 0, 0, TimeSpan.FromHours(3)));
        report.To.Should().Be(new DateTimeOffset(2025, 3, 4, 0, 0, 0, TimeSpan.FromHours(3)), "to is a whole day, included");
        report.Lines.Should().Equal(
            new RevenueReportLine("2025-02-28", "2025-02-28", 0, 0),
            new RevenueReportLine("2025-03-01", "2025-03-01", 70, 2),
            new RevenueReportLine("2025-03-02", "2025-03-02", 80, 1),
            new RevenueReportLine("2025-03-03", "2025-03-03", 0, 0));
        report.Total.Should().Be(new RevenueTotal(150, 3));
    }

    [Fact]
    public async Task Revenue_defaults_to_the_last_30_Kenya_days_by_day()
    {
        var data = _portal.Data;
        await data.AddPaidPaymentAsync("pln_seed_1", Now.AddHours(-1));
        await data.AddPaidPaymentAsync("pln_seed_1", new DateTimeOffset(2025, 2, 8, 20, 0, 0, TimeSpan.Zero)); // 8 Feb EAT: 31 days back
        using var admin = _portal.CreateAdminClient();

        var report = await admin.GetFromJsonAsync<RevenueReportResponse>("/api/admin/reports/revenue", Json);

        report!.GroupBy.Should().Be(Billing.Domain.Payments.RevenueGrouping.Day);
        report.Lines.Should().HaveCount(30);
        report.Lines[0].Key.Should().Be("2025-02-09");
        report.Lines[^1].Should().Be(new RevenueReportLine("2025-03-10", "2025-03-10", 20, 1));
        report.Total.Should().Be(new RevenueTotal(20, 1));
    }

    [Fact]
    public async Task Revenue_by_router_is_labelled_with_router_names_largest_first()
    {
        var data = _portal.Data;
        var cafe = await data.AddRouterAsync("Cafe Upstairs", "cafe-1");
        var hostel = await data.AddRouterAsync("Hostel", "hostel-1");
        await data.AddPaidPaymentAsync("pln_seed_1", Now.AddHours(-2), cafe.Id);
        await data.AddPaidPaymentAsync("pln_seed_3", Now.AddHours(-2), hostel.Id);
        await data.AddPaidPaymentAsync("pln_seed_2", Now.AddHours(-2), hostel.Id);
        await data.AddPaidPaymentAsync("pln_seed_1", Now.AddHours(-2));
        using var admin = _portal.CreateAdminClient();

        var report = await admin.GetFromJsonAsync<RevenueReportResponse>("/api/admin/reports/revenue?groupBy=router", Json);

        report!.Lines.Should().Equal(
            new RevenueReportLine(hostel.Id, "Hostel", 130, 2),
            new RevenueReportLine(cafe.Id, "Cafe Upstairs", 20, 1),
            new RevenueReportLine("", ReportEndpoints.NoRouterLabel, 20, 1));
        report.Total.Should().Be(new RevenueTotal(170, 4));
    }

    [Fact]
    public async Task Revenue_by_plan_uses_plan_names_and_keeps_the_id_of_a_deleted_plan()
    {
        var data = _portal.Data;
        var promo = await data.AddPlanAsync("Promo", 5, 30);
        await data.AddPaidPaymentAsync("pln_seed_3", Now.AddHours(-3));
        await data.AddPaidPaymentAsync(promo.Id, Now.AddHours(-3));
        await data.Plans.DeleteAsync(promo.Id, CancellationToken.None);
        using var admin = _portal.CreateAdminClient();

        var report = await admin.GetFromJsonAsync<RevenueReportResponse>("/api/admin/reports/revenue?groupBy=PLAN", Json);

        report!.Lines.Should().Equal(
            new RevenueReportLine("pln_seed_3", "24 Hours", 80, 1),
            new RevenueReportLine(promo.Id, promo.Id, 5, 1));
    }

    [Fact]
    public async Task Revenue_between_instants_with_offsets_excludes_the_end()
    {
        var data = _portal.Data;
        await data.AddPaidPaymentAsync("pln_seed_1", new DateTimeOffset(2025, 3, 5, 9, 0, 0, TimeSpan.Zero));
        await data.AddPaidPaymentAsync("pln_seed_2", new DateTimeOffset(2025, 3, 5, 10, 0, 0, TimeSpan.Zero));
        using var admin = _portal.CreateAdminClient();

        // The '+' of an unescaped offset arrives as a space; the report still reads it.
        var report = await admin.GetFromJsonAsync<RevenueReportResponse>(
            "/api/admin/reports/revenue?groupBy=router&from=2025-03-05T12:00:00%2B03:00&to=2025-03-05T13:00:00+03:00", Json);

        report!.Total.Should().Be(new RevenueTotal(20, 1));
    }

    [Theory]
    [InlineData("groupBy=week", "groupBy")]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2025-13-01", "from")]
    [InlineData("to=2025-03-01T10:00:00", "to")] // an instant without an offset is ambiguous (Kenya or UTC?)
    [InlineData("from=2025-03-05&to=2025-03-04", "to")]
    [InlineData("from=2024-01-01&to=2025-03-01", "from")]
    [InlineData("to=9999-12-31", "to")]
    [InlineData("from=0001-01-01T00:00:00%2B03:00", "from")]
    public async Task Bad_report_query_is_a_problem_naming_the_field(string query, string field)
    {
        using var admin = _portal.CreateAdminClient();

        using var response = await admin.GetAsync(new Uri("/api/admin/reports/revenue?" + query, UriKind.Relative));

        await response.ShouldBeProblemNamingAsync(HttpStatusCode.BadRequest, field);
    }
}
