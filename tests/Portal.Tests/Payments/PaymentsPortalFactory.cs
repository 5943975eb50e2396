using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain.Payments;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Billing.Domain.Vouchers;
using WifiBilling.Billing.Payments.Callbacks;
using WifiBilling.Simulators.Daraja;

namespace WifiBilling.Portal.Tests.Payments;

/// <summary>
/// The real Portal (Program) on Kestrel at 127.0.0.1:0 with a temporary SQLite file and data folder, RADIUS on port 0,
/// and — unless a test passes Daraja settings — demo mode: the mounted Daraja simulator posts its callbacks to the
/// Portal over real HTTP. <see cref="Client"/> talks real HTTP to it.
/// </summary>
public sealed class PaymentsPortalFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "payments-test-admin-key-0123456789";

    private readonly string _folder = KestrelPortal.NewDataFolder("wifibilling-portal-payments");
    private readonly Dictionary<string, string?> _settings;
    private HttpClient? _client;

    public PaymentsPortalFactory()
        : this([])
    {
    }

    public PaymentsPortalFactory(params (string Key, string? Value)[] settings)
    {
        _settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "wifibilling.db"),
            ["Portal:DataDirectory"] = _folder,
            ["ADMIN_API_KEY"] = AdminKey,
            ["Radius:AuthPort"] = "0",
            ["Radius:AcctPort"] = "0",
            ["DarajaSimulator:CallbackDelay"] = "00:00:00.300",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Real HTTP to the Portal (started on first use).</summary>
    public HttpClient Client => _client ??= KestrelPortal.StartAndConnect(this);

    public Uri BaseAddress => Client.BaseAddress!;

    public IPaymentStore Payments => Services.GetRequiredService<IPaymentStore>();

    public IVoucherStore Vouchers => Services.GetRequiredService<IVoucherStore>();

    public string CallbackKey => Services.GetRequiredService<PaymentCallbackKey>().Value;

    public DarajaSimulatorState Simulator => Services.GetRequiredService<DarajaSimulatorState>();

    public HttpClient CreateAdminClient()
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        return client;
    }

    public async Task<Plan> CreatePlanAsync(long priceKes = 20, string name = "1 Hour") =>
        await Services.GetRequiredService<IPlanStore>().CreateAsync(new PlanDefinition(name, priceKes, TimeSpan.FromHours(1)), CancellationToken.None);

    /// <summary>POST /api/payments/pay and return the 202 body's paymentId.</summary>
    public async Task<string> PayAsync(string planId, string phone, string? mac = null, string? ip = null)
    {
        using var response = await Client.PostAsJsonAsync("/api/payments/pay", new { planId, phone, mac, ip });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PaymentIdBody>())!.PaymentId;
    }

    /// <summary>Polls GET /api/payments/{id} (real time, up to 20 s) until its status is <paramref name="status"/>.</summary>
    public async Task<System.Text.Json.JsonElement> WaitForStatusAsync(string paymentId, string status)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var body = await Client.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/payments/{paymentId}");
            if (body.GetProperty("status").GetString() == status)
            {
                return body;
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(20))
            {
                throw new TimeoutException($"Payment is still {body.GetProperty("status")} after 20 s: {body}");
            }

            await Task.Delay(50);
        }
    }

    public async Task<long> VoucherCountAsync() =>
        (await Vouchers.ListAsync(new VoucherQuery(Limit: 1), CancellationToken.None)).Total;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _client?.Dispose();
            KestrelPortal.DeleteDataFolder(_folder);
        }
    }

    private sealed record PaymentIdBody(string PaymentId);
}
