using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Radius.Server;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>
/// Admin console views over the endpoints of feat/aaa (vouchers, sessions): batch printing and disconnecting a
/// session. They skip, saying so, until those endpoints are in the build.
/// </summary>
public sealed class AdminVoucherAndSessionBrowserTests(PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
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
        await page.WaitForURLAsync("**/admin/print.html?batch=*");
        await page.WaitForFunctionAsync("document.querySelectorAll('#cards .card').length === 6");

        var batchId = new Uri(page.Url).Query.Split("batch=")[1];
        var stored = await browser.Data.Vouchers.ListAsync(new VoucherQuery(BatchId: Uri.UnescapeDataString(batchId)), CancellationToken.None);
        var printed = (await page.Locator("#cards .card .code").AllTextContentsAsync()).Select(c => c.Replace(" ", "", StringComparison.Ordinal));
        printed.Should().BeEquivalentTo(stored.Items.Select(v => v.Code.Value));
        (await page.Locator("#cards .card").First.TextContentAsync()).Should().Contain("4 Hours").And.Contain("KES 50").And.Contain("Internet for 4 hours");
        (await page.IsEnabledAsync("#print")).Should().BeTrue();
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
