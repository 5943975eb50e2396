using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Radius.Server;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>
/// Admin console views over the endpoints of feat/aaa (routers, vouchers, sessions) and feat/payments (payments):
/// router script, batch printing, disconnecting a session, the payment list and its CSV. They skip, saying so, until
/// those endpoints are in the build.
/// </summary>
public sealed class AdminOperationsBrowserTests(PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
    [SkippableFact]
    public async Task Operator_adds_a_router_and_gets_its_RouterOS_script()
    {
        await browser.RequireRouteAsync("POST", "/api/admin/routers", "feat/aaa");
        await browser.RequireRouteAsync("GET", "/api/admin/routers/{}/script", "feat/aaa");
        var identity = "shop-" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPageAsync(1024, 768);
        await browser.SignInToAdminAsync(page);

        await page.ClickAsync("nav a[data-view=routers]");
        await page.ClickAsync("#router-new");
        await page.FillAsync("#router-form input[name=name]", "Shop " + identity);
        await page.FillAsync("#router-form input[name=nasIdentifier]", identity);
        await page.FillAsync("#router-form input[name=secret]", "a-long-shared-secret-1234");
        await page.ClickAsync("#router-form button[type=submit]");

        await page.WaitForSelectorAsync("#router-script-panel", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        var script = await page.TextContentAsync("#router-script");
        script.Should().Contain("/radius").And.Contain(identity, "the script sets the router identity (NAS-Identifier)");
        (await page.TextContentAsync("#routers-table")).Should().Contain(identity);
        var stored = (await browser.Data.Routers.ListAsync(CancellationToken.None)).Single(r => r.NasIdentifier == identity);
        stored.HasSecret.Should().BeTrue();
        stored.RequireMessageAuthenticator.Should().BeTrue();
    }

    [SkippableFact]
    public async Task Operator_filters_payments_by_status_and_exports_them_as_CSV()
    {
        await browser.RequireRouteAsync("GET", "/api/admin/payments", "feat/payments");
        await browser.RequireRouteAsync("GET", "/api/admin/payments/export.csv", "feat/payments");
        var paid = await browser.Data.AddPaidPaymentAsync("pln_seed_3", DateTimeOffset.UtcNow.AddMinutes(-3));
        await browser.Data.AddCancelledPaymentAsync("pln_seed_1", DateTimeOffset.UtcNow.AddMinutes(-2));
        var page = await browser.NewPageAsync(1024, 768);
        await browser.SignInToAdminAsync(page);

        await page.ClickAsync("nav a[data-view=payments]");
        await page.SelectOptionAsync("#payment-filters select[name=status]", "paid");
        var today = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(3)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        await page.FillAsync("#payment-filters input[name=from]", today);
        await page.FillAsync("#payment-filters input[name=to]", today);
        await page.ClickAsync("#payment-filters button[type=submit]");
        await page.Locator("#payments-table tr", new PageLocatorOptions { HasText = paid.MpesaReceipt! }).WaitForAsync();

        var table = await page.TextContentAsync("#payments-table");
        table.Should().Contain("2547******78", "phones are masked").And.NotContain("254712345678").And.NotContain("cancelled");
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#payments-csv"));
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        download.SuggestedFilename.Should().EndWith(".csv");
        csv.Should().Contain(paid.MpesaReceipt!).And.NotContain("254712345678");
    }

    [SkippableFact]
    public async Task Operator_creates_a_batch_and_prints_a_sheet_of_its_voucher_cards()
    {
        await browser.RequireRouteAsync("POST", "/api/admin/vouchers/batch", "feat/aaa");
        await browser.RequireRouteAsync("GET", "/api/admin/vouchers", "feat/aaa");
        var page = await browser.NewPageAsync(1024, 768);
        await browser.SignInToAdminAsync(page);

        await page.ClickAsync("nav a[data-view=vouchers]");
        await page.SelectOptionAsync("#batch-form select[name=planId]", "pln_seed_2");
        await page.FillAsync("#batch-form input[name=count]", "6");
        await page.ClickAsync("#batch-form button[type=submit]");
        await page.ClickAsync("#batch-print");
        // The cards drawn is the page's readiness; waiting for its "load" event too once timed out on a loaded
        // machine after the navigation had happened.
        await page.WaitForURLAsync("**/admin/print.html?batch=*", new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("document.querySelectorAll('#cards .card').length === 6");

        var batchId = new Uri(page.Url).Query.Split("batch=")[1];
        var stored = await browser.Data.Vouchers.ListAsync(new VoucherQuery(BatchId: Uri.UnescapeDataString(batchId)), CancellationToken.None);
        var printed = (await page.Locator("#cards .card .code").AllTextContentsAsync()).Select(c => c.Replace(" ", "", StringComparison.Ordinal));
        printed.Should().BeEquivalentTo(stored.Items.Select(v => v.Code.Value));
        (await page.Locator("#cards .card").First.TextContentAsync()).Should().Contain("4 Hours").And.Contain("KES 50").And.Contain("Internet for 4 hours");
        (await page.IsEnabledAsync("#print")).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Operator_sells_a_voucher_for_cash_finds_it_by_code_and_revokes_it()
    {
        await browser.RequireRouteAsync("POST", "/api/admin/activate", "feat/aaa");
        await browser.RequireRouteAsync("POST", "/api/admin/vouchers/{}/revoke", "feat/aaa");
        var page = await browser.NewPageAsync(1024, 768);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await browser.SignInToAdminAsync(page);

        await page.ClickAsync("nav a[data-view=vouchers]");
        await page.SelectOptionAsync("#sell-form select[name=planId]", "pln_seed_1");
        await page.FillAsync("#sell-form input[name=note]", "paid cash at the counter");
        await page.ClickAsync("#sell-form button[type=submit]");
        await page.WaitForSelectorAsync("#sell-result", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        var code = (await page.TextContentAsync("#sell-result"))!.Replace(" ", "", StringComparison.Ordinal);
        var sold = await browser.Data.Vouchers.FindAsync(code, CancellationToken.None);
        sold!.Source.Should().Be(VoucherSource.Admin);

        await page.FillAsync("#voucher-filters input[name=code]", code[..6].ToLowerInvariant());
        await page.ClickAsync("#voucher-filters button[type=submit]");
        var row = page.Locator("#vouchers-table tr", new PageLocatorOptions { HasText = code });
        await row.WaitForAsync();
        (await page.Locator("#vouchers-table tbody tr").CountAsync()).Should().Be(1, "the code prefix filter leaves one voucher");
        await row.Locator("button", new LocatorLocatorOptions { HasText = "Revoke" }).ClickAsync();

        await page.Locator("#vouchers-table tr", new PageLocatorOptions { HasText = code }).Locator(".status.revoked").WaitForAsync();
        (await browser.Data.Vouchers.FindAsync(code, CancellationToken.None))!.Status.Should().Be(VoucherStatus.Revoked);
    }

    [SkippableFact]
    public async Task Operator_sees_an_active_session_and_disconnects_it()
    {
        await browser.RequireRouteAsync("GET", "/api/admin/sessions", "feat/aaa");
        await browser.RequireRouteAsync("POST", "/api/admin/sessions/{}/disconnect", "feat/aaa");
        using var silentRouter = new UdpClient(new IPEndPoint(IPAddress.Any, 0)); // takes the Disconnect-Request, never answers
        var router = await browser.Data.AddRouterAsync("Cafe", "coa-" + Guid.NewGuid().ToString("N")[..6], "127.0.0.5",
            coaPort: ((IPEndPoint)silentRouter.Client.LocalEndPoint!).Port);
        var voucher = await browser.Data.AddVoucherAsync("pln_seed_1");
        await browser.Data.ActivateAsync(voucher, "AA:BB:CC:00:00:42", router.Id);
        await browser.Data.StartSessionAsync(router.Id, "82000001", voucher, "AA:BB:CC:00:00:42", nasIp: "127.0.0.5");
        await WaitUntilRadiusKnowsAsync(IPAddress.Parse("127.0.0.5")); // the registry reloads routers from the store on a timer
        var page = await browser.NewPageAsync(1024, 768);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await browser.SignInToAdminAsync(page);

        await page.ClickAsync("nav a[data-view=sessions]");
        var row = page.Locator("#sessions-table tr", new PageLocatorOptions { HasText = voucher.Code.Value });
        await row.WaitForAsync();
        (await row.TextContentAsync()).Should().Contain("AA:BB:CC:00:00:42").And.Contain("Cafe");

        await row.Locator("button", new LocatorLocatorOptions { HasText = "Disconnect" }).ClickAsync();

        await page.WaitForSelectorAsync("#flash", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        (await page.TextContentAsync("#flash")).Should().StartWith("Disconnect sent");
        // The silent router never answers: the page keeps refreshing until the server has given up on it.
        await page.WaitForFunctionAsync(
            "code => Array.from(document.querySelectorAll('#sessions-table tr')).some(tr => tr.textContent.indexOf(code) >= 0 && /timed-out/.test(tr.textContent))",
            voucher.Code.Value,
            new PageWaitForFunctionOptions { Timeout = 60_000 });
        (await silentRouter.ReceiveAsync().WaitAsync(PortalBrowserFixture.Patience)).Buffer[0].Should().Be(40, "a Disconnect-Request (RFC 5176 code 40) reached the router's CoA port");
    }

    [SkippableFact]
    public async Task Operator_sees_recently_closed_sessions_with_why_they_ended()
    {
        await browser.RequireRouteAsync("GET", "/api/admin/sessions", "feat/aaa");
        var router = await browser.Data.AddRouterAsync("Hostel", "closed-" + Guid.NewGuid().ToString("N")[..6], "127.0.0.6");
        var voucher = await browser.Data.AddVoucherAsync("pln_seed_1");
        await browser.Data.ActivateAsync(voucher, "AA:BB:CC:00:00:43", router.Id);
        await browser.Data.StopSessionAsync(router.Id, "82000002", voucher, "AA:BB:CC:00:00:43", seconds: 1_500, cause: "Session-Timeout");
        var page = await browser.NewPageAsync(1024, 768);
        await browser.SignInToAdminAsync(page);

        await page.ClickAsync("nav a[data-view=sessions]");

        var row = page.Locator("#closed-sessions-table tr", new PageLocatorOptions { HasText = voucher.Code.Value });
        await row.WaitForAsync();
        (await row.TextContentAsync()).Should().Contain("Hostel").And.Contain("AA:BB:CC:00:00:43").And.Contain("Session-Timeout")
            .And.NotContain("Disconnect", "a closed session cannot be disconnected");
        (await page.Locator("#sessions-table tr", new PageLocatorOptions { HasText = voucher.Code.Value }).CountAsync()).Should().Be(0);
    }

    private async Task WaitUntilRadiusKnowsAsync(IPAddress routerAddress)
    {
        var registry = browser.Portal.Services.GetRequiredService<IRadiusClientRegistry>();
        var deadline = DateTime.UtcNow + PortalBrowserFixture.Patience;
        while (!registry.TryGetByAddress(routerAddress, out _))
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the RADIUS client registry should pick up a new router");
            await Task.Delay(200);
        }
    }
}
