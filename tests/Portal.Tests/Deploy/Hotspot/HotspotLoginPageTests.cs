using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace WifiBilling.Portal.Tests.Deploy.Hotspot;

/// <summary>
/// mikrotik/hotspot/login.html in real headless Chromium, served by a stand-in router: it sends the customer to the
/// portal only when the portal really answers, and logs in with a voucher on its own when it does not.
/// </summary>
public sealed class HotspotLoginPageTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [SkippableFact]
    public async Task Portal_down_voucher_logs_in_with_the_CHAP_hash_of_the_normalised_code()
    {
        await using var router = await FakeHotspotRouter.StartAsync($"http://127.0.0.1:{LoopbackPort.Free()}/", chap: true);
        var page = await OpenAsync(router);

        await WaitForStatusAsync(page, "not reachable");
        await page.FillAsync("#code", "ab-c 123");
        await page.ClickAsync("#connect");
        var form = await router.LoginPosted.WaitAsync(Patience);

        form["username"].ToString().Should().Be("ABC123");
        var expected = MD5.HashData([.. router.ChapId!, .. Encoding.ASCII.GetBytes("ABC123"), .. router.ChapChallenge!]);
        form["password"].ToString().Should().Be(Convert.ToHexStringLower(expected), "http-chap: MD5(chap-id + password + chap-challenge)");
        form["dst"].ToString().Should().Be(FakeHotspotRouter.OriginalUrl);
        (await page.IsVisibleAsync("#buy")).Should().BeFalse("a link to a portal that is down only wastes the customer's time");
    }

    [SkippableFact]
    public async Task Portal_down_without_CHAP_posts_the_voucher_as_PAP_password()
    {
        await using var router = await FakeHotspotRouter.StartAsync($"http://127.0.0.1:{LoopbackPort.Free()}/", chap: false);
        var page = await OpenAsync(router);

        await WaitForStatusAsync(page, "not reachable");
        await page.FillAsync("#code", "xyz789");
        await page.ClickAsync("#connect");
        var form = await router.LoginPosted.WaitAsync(Patience);

        form["username"].ToString().Should().Be("XYZ789");
        form["password"].ToString().Should().Be("XYZ789");
    }

    [SkippableFact]
    public async Task Portal_up_redirects_to_the_buy_page_with_the_routers_values()
    {
        var portalQuery = new TaskCompletionSource<IQueryCollection>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var portal = await LoopbackSite.StartAsync(app =>
        {
            app.MapGet("/md5.js", () => Results.File(Path.Combine(RepositoryPaths.HotspotPages, "md5.js"), "application/javascript"));
            app.MapGet("/", (HttpContext context) =>
            {
                portalQuery.TrySetResult(context.Request.Query);
                return Results.Content("<html><body>buy page</body></html>", "text/html");
            });
        });
        await using var router = await FakeHotspotRouter.StartAsync(portal.BaseUrl + "/", chap: true, error: "invalid username or password");
        var page = await OpenAsync(router);

        var query = await portalQuery.Task.WaitAsync(Patience);

        query["mac"].ToString().Should().Be(FakeHotspotRouter.Mac);
        query["ip"].ToString().Should().Be(FakeHotspotRouter.ClientIp);
        query["identity"].ToString().Should().Be(FakeHotspotRouter.Identity);
        query["server-name"].ToString().Should().Be(FakeHotspotRouter.ServerName);
        query["link-login-only"].ToString().Should().Be(router.LoginUrl);
        query["link-orig"].ToString().Should().Be(FakeHotspotRouter.OriginalUrl);
        query["error"].ToString().Should().Be("invalid username or password");
        query["chap-id"].ToString().Should().Be(Convert.ToHexStringLower(router.ChapId!));
        query["chap-challenge"].ToString().Should().Be(Convert.ToHexStringLower(router.ChapChallenge!));
        await page.WaitForURLAsync(portal.BaseUrl + "/**", new PageWaitForURLOptions { Timeout = (float)Patience.TotalMilliseconds });
    }

    [SkippableFact]
    public async Task Portal_host_answering_with_a_login_page_is_not_mistaken_for_the_portal()
    {
        // Without a walled-garden entry the router answers every request for the portal itself; redirecting there
        // would bring the customer straight back, forever. Chromium's ORB blocks an HTML answer to a script request,
        // but old phone browsers run it and fire "load"; the stand-in answers with a script that loads fine, so only
        // the hexMD5 check can tell it from the portal.
        await using var interceptor = await LoopbackSite.StartAsync(app => app.Run(async context =>
        {
            context.Response.ContentType = "application/javascript";
            await context.Response.WriteAsync("var routerLoginPage = true;");
        }));
        await using var router = await FakeHotspotRouter.StartAsync(interceptor.BaseUrl + "/", chap: true);
        var page = await OpenAsync(router);

        await WaitForStatusAsync(page, "not reachable");

        page.Url.Should().Be(router.LoginUrl);
        (await page.IsVisibleAsync("#code")).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Router_error_is_shown_to_the_customer()
    {
        await using var router = await FakeHotspotRouter.StartAsync($"http://127.0.0.1:{LoopbackPort.Free()}/", chap: true, error: "voucher expired");
        var page = await OpenAsync(router);

        (await page.TextContentAsync("#error")).Should().Be("voucher expired");
    }

    private async Task<IPage> OpenAsync(FakeHotspotRouter router)
    {
        Skip.If(chromium.Browser is null, chromium.Unavailable);
        var context = await chromium.Browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout((float)Patience.TotalMilliseconds);
        await page.GotoAsync(router.LoginUrl);
        return page;
    }

    private static Task WaitForStatusAsync(IPage page, string text) =>
        page.WaitForFunctionAsync("t => document.getElementById('status').textContent.indexOf(t) >= 0", text);
}
