using Microsoft.Playwright;
using WifiBilling.Portal.Tests.Deploy;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>The customer's buy page in headless Chromium at 360 px, against the real Portal and a stand-in router.</summary>
public sealed class BuyPageBrowserTests(PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
    [SkippableFact]
    public async Task Buy_page_at_360px_shows_this_routers_plans_and_fits_the_screen()
    {
        var identity = "cafe-" + Guid.NewGuid().ToString("N")[..6];
        var cafe = await browser.Data.AddRouterAsync("Cafe Upstairs", identity);
        var hostel = await browser.Data.AddRouterAsync("Hostel", "hostel-" + Guid.NewGuid().ToString("N")[..6]);
        var special = await browser.Data.Plans.CreateAsync(
            new Billing.Domain.Plans.PlanDefinition("Cafe 30 min", 10, TimeSpan.FromMinutes(30), RateLimit: "1M/5M", SortOrder: -1, AllowedRouterIds: [cafe.Id]),
            CancellationToken.None);
        await browser.Data.AddPlanAsync("Hostel night", 30, 600, hostel.Id);
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();

        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, identity, router.LoginUrl, chap: true));
        await page.WaitForSelectorAsync(".plan");

        var names = await page.Locator(".plan .name").AllTextContentsAsync();
        names.Should().Equal(special.Name, "1 Hour", "4 Hours", "24 Hours");
        (await page.Locator(".plan").First.TextContentAsync()).Should().Contain("30 minutes").And.Contain("up to 5 Mbps").And.Contain("KES 10");
        var wide = await page.EvaluateAsync<string>("Array.from(document.querySelectorAll('*')).filter(e => e.getBoundingClientRect().right > 360).map(e => e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth")).Should().BeLessThanOrEqualTo(360, "nothing may stick out of a 360-px phone screen: " + wide);
        (await page.IsDisabledAsync("#pay")).Should().BeTrue("no phone yet");

        await page.ClickAsync(".plan >> nth=1");
        await page.FillAsync("#phone", "0712 345 678");
        (await page.IsEnabledAsync("#pay")).Should().BeTrue();
        await SaveScreenshotAsync(page, "buy-360.png");
    }

    [SkippableFact]
    public async Task Phone_input_accepts_what_customers_type_and_refuses_the_rest_at_once()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/");
        await page.ClickAsync(".plan >> nth=0");

        foreach (var typed in new[] { "0712345678", "0112 345 678", "+254712345678", "254 712-345-678", "712345678" })
        {
            await page.FillAsync("#phone", typed);
            (await page.GetAttributeAsync("#phone-hint", "class")).Should().Be("hint ok", typed);
            (await page.TextContentAsync("#phone-hint")).Should().MatchRegex(@"0[17]12 345 678$", typed);
            (await page.IsEnabledAsync("#pay")).Should().BeTrue(typed);
        }

        foreach (var typed in new[] { "0812345678", "07123456789", "+0712345678", "25471234567", "0712abc678", "2557123456789" })
        {
            await page.FillAsync("#phone", typed);
            (await page.GetAttributeAsync("#phone-hint", "class")).Should().Be("hint bad", typed);
            (await page.IsDisabledAsync("#pay")).Should().BeTrue(typed);
        }

        await page.FillAsync("#phone", "0712");
        (await page.GetAttributeAsync("#phone-hint", "class")).Should().Be("hint", "half a number is not an error yet");
        (await page.IsDisabledAsync("#pay")).Should().BeTrue();
    }

    [SkippableFact]
    public async Task Cash_voucher_logs_in_to_the_router_with_the_CHAP_hash_of_the_normalised_code()
    {
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, null, router.LoginUrl, chap: true));

        await page.ClickAsync("#cash summary");
        await page.FillAsync("#code", "abcd efgh-jo"); // lower case, a space, a dash and O for 0, as people type
        await page.ClickAsync("#voucher-form button[type=submit]");
        var form = await router.FirstLogin.WaitAsync(PortalBrowserFixture.Patience);

        form["username"].ToString().Should().Be("ABCDEFGHJ0");
        form["password"].ToString().Should().Be(BuyPageLinks.ChapPassword("ABCDEFGHJ0"));
        form["dst"].ToString().Should().Be(StandInRouterLogin.OriginalUrl);
        form["popup"].ToString().Should().Be("true");
        await page.WaitForSelectorAsync("#logged-in");
    }

    [SkippableFact]
    public async Task Cash_voucher_without_chap_id_logs_in_with_the_code_as_PAP_password()
    {
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, null, router.LoginUrl, chap: false));

        await page.ClickAsync("#cash summary");
        await page.FillAsync("#code", "XYZ7-89AB");
        await page.ClickAsync("#voucher-form button[type=submit]");
        var form = await router.FirstLogin.WaitAsync(PortalBrowserFixture.Patience);

        form["username"].ToString().Should().Be("XYZ789AB");
        form["password"].ToString().Should().Be("XYZ789AB");
    }

    [SkippableFact]
    public async Task Malformed_voucher_code_is_refused_on_the_page_and_nothing_is_posted()
    {
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, null, router.LoginUrl, chap: true));

        await page.ClickAsync("#cash summary");
        await page.FillAsync("#code", "ABC-U!");
        await page.ClickAsync("#voucher-form button[type=submit]");

        (await page.TextContentAsync("#voucher-error")).Should().Contain("8 to 16 letters and digits");
        router.LoginCount.Should().Be(0);
    }

    [SkippableFact]
    public async Task Login_address_that_is_not_a_router_login_servlet_gets_no_voucher()
    {
        // A crafted link must not make the page post a voucher code to some other site.
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/?link-login-only=" + Uri.EscapeDataString("https://evil.example/steal") + "&chap-id=");

        await page.ClickAsync("#cash summary");
        await page.FillAsync("#code", "ABCDEFGHJK");
        await page.ClickAsync("#voucher-form button[type=submit]");

        (await page.TextContentAsync("#voucher-error")).Should().Contain("Wi-Fi login page");
        page.Url.Should().StartWith(browser.BaseUrl);
    }

    [SkippableFact]
    public async Task Unknown_hotspot_says_so_and_opens_the_voucher_login()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, "not-registered-" + Guid.NewGuid().ToString("N")[..6], null, chap: false));

        await page.WaitForFunctionAsync("document.getElementById('plans-status').textContent.indexOf('not set up') >= 0");
        (await page.IsVisibleAsync("#pay-form")).Should().BeFalse();
        (await page.GetAttributeAsync("#cash", "open")).Should().NotBeNull();
    }

    [SkippableFact]
    public async Task Swahili_is_one_tap_away_and_is_remembered()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/?error=" + Uri.EscapeDataString("invalid username or password"));
        await page.WaitForSelectorAsync(".plan");

        await page.ClickAsync("#lang");

        (await page.TextContentAsync("h1")).Should().Be("Nunua muda wa intaneti");
        (await page.TextContentAsync("#pay")).Should().Be("Lipa kwa M-Pesa");
        (await page.Locator(".plan .terms").First.TextContentAsync()).Should().Be("saa 1");
        (await page.TextContentAsync("#router-error")).Should().Be("Kuingia kwenye Wi-Fi kumeshindwa: invalid username or password", "only the lead-in is translated; the router wrote the rest");
        await page.ReloadAsync();
        await page.WaitForSelectorAsync(".plan");
        (await page.TextContentAsync("h1")).Should().Be("Nunua muda wa intaneti", "the choice is kept for the next visit");
        (await page.GetAttributeAsync("html", "lang")).Should().Be("sw");
    }

    /// <summary>
    /// Saves a full-page screenshot into the test output. With WIFIBILLING_UPDATE_SCREENSHOTS=1 it refreshes the
    /// README's pictures in docs/screenshots instead, so an ordinary test run leaves committed files alone.
    /// </summary>
    internal static async Task SaveScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("WIFIBILLING_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryPaths.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        new FileInfo(path).Length.Should().BeGreaterThan(1_000, "a rendered page is more than a blank image");
    }
}
