using System.Net.Http.Json;
using Microsoft.Playwright;
using WifiBilling.Portal.Contracts.Dashboard;
using WifiBilling.Portal.Contracts.Reports;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>The admin console in headless Chromium against the real Portal: sign-in, plans, the dashboard and its chart.</summary>
public sealed class AdminConsoleBrowserTests(PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
    [SkippableFact]
    public async Task Wrong_key_is_refused_and_the_right_key_opens_the_console()
    {
        var page = await browser.NewPageAsync(1024, 768);
        await page.GotoAsync(browser.BaseUrl + "/admin");

        await page.FillAsync("#key", "not-the-admin-key-at-all");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.WaitForSelectorAsync("#sign-in-error", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        (await page.TextContentAsync("#sign-in-error")).Should().Contain("not the admin API key");
        (await page.IsVisibleAsync("#nav")).Should().BeFalse();

        await browser.SignInToAdminAsync(page);
        (await page.IsVisibleAsync("#view-dashboard")).Should().BeTrue();
        (await page.EvaluateAsync<string?>("sessionStorage.getItem('wb-admin-key')")).Should().Be(Api.PortalApiFactory.AdminKey);
    }

    [SkippableFact]
    public async Task Operator_creates_a_plan_then_takes_it_off_sale()
    {
        var page = await browser.NewPageAsync(1024, 768);
        await browser.SignInToAdminAsync(page);
        var name = "Weekend " + Guid.NewGuid().ToString("N")[..4];

        await page.ClickAsync("nav a[data-view=plans]");
        await page.ClickAsync("#plan-new");
        await page.FillAsync("#plan-form input[name=name]", name);
        await page.FillAsync("#plan-form input[name=price]", "0");
        await page.FillAsync("#plan-form input[name=durationMinutes]", "2880");
        await page.ClickAsync("#plan-form button[type=submit]");
        await page.WaitForSelectorAsync("#plan-error", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        (await page.Locator("#plan-error").TextContentAsync()).Should().Contain("price", "the API's problem names the field");

        await page.FillAsync("#plan-form input[name=price]", "120");
        await page.FillAsync("#plan-form input[name=rateLimit]", "2M/4M");
        await page.FillAsync("#plan-form input[name=dataCapMb]", "3000");
        await page.ClickAsync("#plan-form button[type=submit]");
        var row = page.Locator("#plans-table tr", new PageLocatorOptions { HasText = name });
        await row.WaitForAsync();

        var stored = (await browser.Data.Plans.ListAsync(CancellationToken.None)).Single(p => p.Name == name);
        stored.PriceKes.Should().Be(120);
        stored.Duration.Should().Be(TimeSpan.FromDays(2));
        stored.RateLimit!.Value.Should().Be("2M/4M");
        stored.DataCapBytes.Should().Be(3_000_000_000);
        stored.Active.Should().BeTrue();

        await row.Locator("button", new LocatorLocatorOptions { HasText = "Deactivate" }).ClickAsync();
        await page.Locator("#plans-table tr", new PageLocatorOptions { HasText = name })
            .Locator("button", new LocatorLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^Activate$") }).WaitForAsync();
        (await browser.Data.Plans.FindAsync(stored.Id, CancellationToken.None))!.Active.Should().BeFalse();
    }

    [SkippableFact]
    public async Task Dashboard_at_360px_shows_todays_figures_and_the_revenue_chart()
    {
        var now = DateTimeOffset.UtcNow;
        var cafe = await browser.Data.AddRouterAsync("Cafe Upstairs", "dash-" + Guid.NewGuid().ToString("N")[..6], "127.0.0.9");
        await browser.Data.AddPaidPaymentAsync("pln_seed_2", now.AddMinutes(-2), cafe.Id);
        await browser.Data.AddPaidPaymentAsync("pln_seed_3", now.AddMinutes(-1), cafe.Id);
        await browser.Data.AddPaidPaymentAsync("pln_seed_1", now.AddDays(-3), cafe.Id);
        await browser.Data.AddPaidPaymentAsync("pln_seed_3", now.AddDays(-9));
        var voucher = await browser.Data.AddVoucherAsync("pln_seed_3");
        await browser.Data.ActivateAsync(voucher, "AA:BB:CC:00:00:77", cafe.Id);
        await browser.Data.StartSessionAsync(cafe.Id, "83000001", voucher, "AA:BB:CC:00:00:77", nasIp: "127.0.0.9");
        using var admin = browser.Portal.CreateAdminClient();
        var page = await browser.NewPageAsync(360, 740);

        await browser.SignInToAdminAsync(page);
        await page.WaitForFunctionAsync("window.wbRevenueChart && document.querySelector('#chart canvas')");

        // What the API says now; the page must show the same (and the seeded money must be in it).
        var dashboard = await admin.GetFromJsonAsync<DashboardResponse>("/api/admin/dashboard", Api.PortalJson.Options);
        var report = await admin.GetFromJsonAsync<RevenueReportResponse>("/api/admin/reports/revenue?groupBy=day", Api.PortalJson.Options);
        report!.Total.Amount.Should().BeGreaterThanOrEqualTo(50 + 80 + 20 + 80);
        (await page.TextContentAsync("#d-revenue")).Should().Be($"KES {dashboard!.Today.Revenue:N0}");
        (await page.TextContentAsync("#d-payments")).Should().Be(dashboard.Today.Payments.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await page.TextContentAsync("#d-sessions")).Should().Be(dashboard.ActiveSessions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        dashboard.ActiveSessions.Should().BeGreaterThanOrEqualTo(1);
        (await page.TextContentAsync("#by-router")).Should().Contain("Cafe Upstairs");

        var plotted = await page.EvaluateAsync<double[]>("window.wbRevenueChart.data[1]");
        plotted.Should().Equal(report.Lines.Select(l => (double)l.Amount), "the chart plots the report by day, one bar per Kenya day");
        var days = await page.EvaluateAsync<double[]>("window.wbRevenueChart.data[0]");
        days[^1].Should().Be(DateTimeOffset.Parse(report.Lines[^1].Key + "T00:00:00+03:00", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeSeconds());
        var canvasWidth = await page.EvaluateAsync<int>("document.querySelector('#chart canvas').getBoundingClientRect().width");
        canvasWidth.Should().BeInRange(250, 360, "the chart fits the phone's width");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360);

        await BuyPageBrowserTests.SaveScreenshotAsync(page, "admin-dashboard-360.png");
    }

    [SkippableFact]
    public async Task Admin_console_reaches_every_view_on_a_phone()
    {
        var page = await browser.NewPageAsync(360, 740);
        await browser.SignInToAdminAsync(page);

        foreach (var view in new[] { "plans", "routers", "vouchers", "payments", "sessions", "dashboard" })
        {
            await page.ClickAsync($"nav a[data-view={view}]");
            await page.WaitForSelectorAsync($"#view-{view}", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
            (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360, view);
        }

        await page.ClickAsync("#sign-out");
        (await page.IsVisibleAsync("#sign-in")).Should().BeTrue();
        (await page.EvaluateAsync<string?>("sessionStorage.getItem('wb-admin-key')")).Should().BeNull();
    }
}
