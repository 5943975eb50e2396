using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WifiBilling.Billing.Domain.Vouchers;

namespace WifiBilling.Portal.Tests.Browser;

/// <summary>
/// The buy page's payment paths end to end: the Portal's demo mode (Daraja simulator mounted, no credentials set)
/// takes the STK push, and its magic phone numbers pick the outcome (docs/daraja-simulator.md). These need the
/// payment endpoints of feat/payments and skip, saying so, until they are in the build.
/// </summary>
public sealed class PaymentFlowBrowserTests(PortalBrowserFixture browser) : IClassFixture<PortalBrowserFixture>
{
    private const string PaidPhone = "0700000000";       // simulator: paid after its callback delay
    private const string CancelledPhone = "0700001032";  // simulator: the customer cancels the prompt (1032)
    private static readonly TimeSpan PaymentPatience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Customer_pays_with_M_Pesa_sees_the_voucher_and_is_logged_in_with_its_CHAP_hash()
    {
        await RequirePaymentsAsync();
        var identity = "pay-" + Guid.NewGuid().ToString("N")[..6];
        await browser.Data.AddRouterAsync("Cafe", identity);
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, identity, router.LoginUrl, chap: true));

        await page.ClickAsync(".plan:has-text('1 Hour')");
        await page.FillAsync("#phone", PaidPhone);
        await page.ClickAsync("#pay");
        await page.WaitForSelectorAsync("#wait", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        (await page.TextContentAsync("#wait h2")).Should().Be("Enter your M-Pesa PIN on your phone");
        int.Parse(await page.TextContentAsync("#countdown") ?? "", System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 120);

        var form = await router.FirstLogin.WaitAsync(PaymentPatience);
        var code = form["username"].ToString();
        form["password"].ToString().Should().Be(BuyPageLinks.ChapPassword(code), "http-chap: MD5(chap-id + code + chap-challenge)");
        form["dst"].ToString().Should().Be(StandInRouterLogin.OriginalUrl);
        form["popup"].ToString().Should().Be("true");

        var voucher = await browser.Data.Vouchers.FindAsync(code, CancellationToken.None);
        voucher.Should().NotBeNull("the page logged in with the voucher the payment minted");
        voucher!.Source.Should().Be(VoucherSource.Payment);
        voucher.Plan.Name.Should().Be("1 Hour");
    }

    [SkippableFact]
    public async Task Cancelled_payment_shows_the_reason_and_the_customer_can_try_again()
    {
        await RequirePaymentsAsync();
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, null, router.LoginUrl, chap: true));

        await page.ClickAsync(".plan:has-text('1 Hour')");
        await page.FillAsync("#phone", CancelledPhone);
        await page.ClickAsync("#pay");
        await page.WaitForSelectorAsync("#failed", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible, Timeout = (float)PaymentPatience.TotalMilliseconds });

        (await page.TextContentAsync("#failed-reason")).Should().MatchRegex("(?i)cancel", "the API's message says what happened");
        router.LoginCount.Should().Be(0);
        await page.ClickAsync("#retry");
        (await page.IsVisibleAsync("#buy")).Should().BeTrue();
        (await page.IsEnabledAsync("#pay")).Should().BeTrue("plan and phone are kept for the retry");
    }

    [SkippableFact]
    public async Task Customer_who_already_paid_gets_the_voucher_back_with_phone_and_receipt()
    {
        await RequirePaymentsAsync();
        await browser.RequireRouteAsync("POST", "/api/payments/recover", "feat/payments");
        var (paymentId, code) = await PayThroughTheApiAsync();
        var receipt = (await browser.Data.Payments.FindAsync(paymentId, CancellationToken.None))!.MpesaReceipt;
        receipt.Should().NotBeNullOrEmpty("the simulator's callback carries the M-Pesa receipt");
        await using var router = await StandInRouterLogin.StartAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync(BuyPageLinks.BuyPage(browser.BaseUrl, null, router.LoginUrl, chap: false));

        await page.ClickAsync("#recover summary");
        await page.FillAsync("#recover-phone", PaidPhone);
        await page.FillAsync("#receipt", receipt!.ToLowerInvariant());
        await page.ClickAsync("#recover-form button[type=submit]");

        var form = await router.FirstLogin.WaitAsync(PaymentPatience);
        form["username"].ToString().Should().Be(code);
        form["password"].ToString().Should().Be(code, "no chap-id: PAP");
    }

    [SkippableFact]
    public async Task Wrong_receipt_is_refused_without_revealing_anything()
    {
        await RequirePaymentsAsync();
        await browser.RequireRouteAsync("POST", "/api/payments/recover", "feat/payments");
        var page = await browser.NewPageAsync();
        await page.GotoAsync(browser.BaseUrl + "/");

        await page.ClickAsync("#recover summary");
        await page.FillAsync("#recover-phone", PaidPhone);
        await page.FillAsync("#receipt", "QZZ0000000");
        await page.ClickAsync("#recover-form button[type=submit]");

        await page.WaitForSelectorAsync("#recover-error", new PageWaitForSelectorOptions { State = WaitForSelectorState.Visible });
        (await page.TextContentAsync("#recover-error")).Should().MatchRegex("found no payment|Too many attempts");
        (await page.IsVisibleAsync("#voucher")).Should().BeFalse();
    }

    private async Task RequirePaymentsAsync()
    {
        await browser.RequireRouteAsync("POST", "/api/payments/pay", "feat/payments");
        await browser.RequireRouteAsync("GET", "/api/payments/{}", "feat/payments");
    }

    /// <summary>Pays for "1 Hour" as the page would and waits for the voucher; returns the payment id and voucher code.</summary>
    private async Task<(string PaymentId, string Code)> PayThroughTheApiAsync()
    {
        using var client = browser.Portal.CreateClient();
        using var started = await client.PostAsJsonAsync("/api/payments/pay", new { planId = "pln_seed_1", phone = "254700000000", mac = BuyPageLinks.Mac });
        started.IsSuccessStatusCode.Should().BeTrue(await started.Content.ReadAsStringAsync());
        var paymentId = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paymentId").GetString()!;

        var deadline = DateTime.UtcNow + PaymentPatience;
        while (DateTime.UtcNow < deadline)
        {
            var status = await client.GetFromJsonAsync<JsonElement>("/api/payments/" + Uri.EscapeDataString(paymentId));
            if (status.GetProperty("status").GetString() == "paid" && status.TryGetProperty("voucher", out var voucher) && voucher.ValueKind == JsonValueKind.Object)
            {
                return (paymentId, voucher.GetProperty("code").GetString()!);
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"The simulated payment was not paid within {PaymentPatience}.");
    }
}
