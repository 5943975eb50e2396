using System.Net.Http.Json;
using System.Text.Json;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>
/// The front door: the Portal with no Daraja settings runs the built-in simulator, and the whole pay flow works over
/// real HTTP (pay → STK push to the mounted simulator → its callback back to the Portal → paid → voucher).
/// </summary>
public sealed class DemoModeTests : IDisposable
{
    private readonly PaymentsPortalFactory _portal = new();

    public void Dispose() => _portal.Dispose();

    [Fact]
    public async Task NoDarajaSettings_PayWithAMagicNumber_PaidByTheMountedSimulator_VoucherVisible()
    {
        var info = await _portal.Client.GetFromJsonAsync<JsonElement>("/api/portal/info");
        info.GetProperty("simulatedPayments").GetBoolean().Should().BeTrue();
        info.GetProperty("currency").GetString().Should().Be("KES");

        var paymentId = await _portal.PayAsync("pln_seed_1", "0700000000", mac: "BC:24:11:EB:56:4D", ip: "10.5.50.2");
        var paid = await _portal.WaitForStatusAsync(paymentId, "paid");

        var voucher = paid.GetProperty("voucher");
        voucher.GetProperty("code").GetString().Should().MatchRegex("^[0-9A-Z]{10}$");
        voucher.GetProperty("durationMinutes").GetInt64().Should().Be(60);
        paid.GetProperty("plan").GetProperty("id").GetString().Should().Be("pln_seed_1");
        paid.GetProperty("amount").GetInt64().Should().Be(20);
        paid.GetProperty("message").GetProperty("en").GetString().Should().Be("Payment received. Thank you.");
        paid.GetProperty("message").GetProperty("sw").GetString().Should().Be("Malipo yamepokelewa. Asante.");

        var transaction = _portal.Simulator.Transactions.Should().ContainSingle().Subject;
        transaction.CallbackUrl.Should().StartWith(_portal.BaseAddress.AbsoluteUri + "api/payments/callback/");
        transaction.Deliveries.Should().ContainSingle().Which.StatusCode.Should().Be(200, "the Portal acknowledged its own simulator's callback");
        (await _portal.Payments.FindAsync(paymentId, CancellationToken.None))!.Status.Should().Be(PaymentStatus.Paid);

        var metrics = await _portal.Client.GetStringAsync("/metrics");
        // The Prometheus registry is one per process and other tests' hosts pay too: at least this payment is counted.
        metrics.Should().Contain("# TYPE wifibilling_payments_status_changes_total counter");
        PositiveSample(metrics, "wifibilling_payments_status_changes_total{status=\"paid\"}");
        PositiveSample(metrics, "wifibilling_payments_callbacks_total{result=\"applied\"}");
        PositiveSample(metrics, "wifibilling_payments_vouchers_minted_total{source=");
        PositiveSample(metrics, "wifibilling_payments_callback_duration_seconds_count");
        metrics.Should().NotContain("wifibilling_billing_", "our meters are exported once, under their own names");
        var openApi = await _portal.Client.GetStringAsync("/openapi/v1.json");
        openApi.Should().Contain("/api/payments/pay").And.Contain("/api/admin/payments/export.csv").And.Contain("/api/portal/info");
    }

    [Fact]
    public async Task NoDarajaSettings_CancelledMagicNumber_ShowsTheCancelMessageInBothLanguages()
    {
        var paymentId = await _portal.PayAsync("pln_seed_1", MagicPhoneNumbers.For(1032)[3..].Insert(0, "0"));

        var cancelled = await _portal.WaitForStatusAsync(paymentId, "cancelled");

        cancelled.GetProperty("message").GetProperty("en").GetString().Should().Be("You cancelled the M-Pesa request.");
        cancelled.GetProperty("message").GetProperty("sw").GetString().Should().Be("Umeghairi ombi la M-Pesa.");
        cancelled.TryGetProperty("voucher", out var voucher).Should().BeTrue();
        voucher.ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task WithDarajaCredentials_PaymentsAreReal_AndTheCallbackBaseUrlIsRequired()
    {
        using var misconfigured = new PaymentsPortalFactory(
            ("MPESA_CONSUMER_KEY", "real-key"), ("MPESA_CONSUMER_SECRET", "real-secret"), ("SHORTCODE", "174379"), ("PASSKEY", "pass"));

        var act = () => misconfigured.Client;

        act.Should().Throw<Exception>().Where(e => e.ToString().Contains("Daraja:CallbackBaseUrl is required", StringComparison.Ordinal));

        using var configured = new PaymentsPortalFactory(
            ("MPESA_CONSUMER_KEY", "real-key"), ("MPESA_CONSUMER_SECRET", "real-secret"), ("SHORTCODE", "174379"), ("PASSKEY", "pass"),
            ("Daraja:CallbackBaseUrl", "https://wifi.example.co.ke"), ("Payments:Reconciler:Enabled", "false"));
        var info = await configured.Client.GetFromJsonAsync<JsonElement>("/api/portal/info");
        info.GetProperty("simulatedPayments").GetBoolean().Should().BeFalse();
        (await configured.Client.GetAsync("/daraja-sim/simulator")).StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound, "no simulator with real credentials");
    }

    private static void PositiveSample(string scrape, string series)
    {
        var line = scrape.Split('\n').FirstOrDefault(l => l.StartsWith(series, StringComparison.Ordinal));
        line.Should().NotBeNull("/metrics has the series {0}", series);
        double.Parse(line![(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture).Should().BeGreaterThanOrEqualTo(1, line);
    }
}
