using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using WifiBilling.Billing.Domain.Plans;
using WifiBilling.Portal.Tests.Hotspot.Support;
using WifiBilling.Radius.Tests.Support;
using WifiBilling.Simulators.Hotspot;

namespace WifiBilling.EndToEnd.Tests.HotspotLoop;

/// <summary>
/// The loop on one machine: the Portal (Kestrel, RADIUS on loopback, SQLite, fake clock), a simulated MikroTik
/// registered through the admin API, and the operator's HTTP client. Vouchers are sold with <c>POST /api/admin/activate</c>.
/// </summary>
public sealed class HotspotLoop : IAsyncDisposable
{
    public const string Secret = "e2e-router-secret";

    private HotspotLoop(HotspotPortalFactory portal, HttpClient admin, HotspotSimulator mikrotik, string routerId)
    {
        Portal = portal;
        Admin = admin;
        Mikrotik = mikrotik;
        RouterId = routerId;
    }

    public HotspotPortalFactory Portal { get; private set; }

    public HttpClient Admin { get; private set; }

    public HotspotSimulator Mikrotik { get; }

    public string RouterId { get; }

    public static async Task<HotspotLoop> StartAsync(Action<HotspotSimulatorOptions>? configureRouter = null, IDictionary<string, string?>? settings = null)
    {
        // The loop owns the folder, so the store survives a Portal restart.
        var folder = Path.Combine(Path.GetTempPath(), "wifibilling-e2e", Guid.NewGuid().ToString("N"));
        var portal = new HotspotPortalFactory(settings, folder: folder);
        var admin = portal.CreateAdminClient();
        var options = new HotspotSimulatorOptions
        {
            AuthServer = portal.AuthEndPoint,
            AcctServer = portal.AcctEndPoint,
            Secret = Secret,
            Identity = "Cafe-Westlands",
            CoaPort = 0,
            Clock = portal.Clock,
        };
        configureRouter?.Invoke(options);
        var mikrotik = HotspotSimulator.Start(options);
        var router = await (await admin.PostJsonAsync("/api/admin/routers", new
        {
            name = "Cafe Westlands",
            address = "127.0.0.1",
            nasIdentifier = "Cafe-Westlands",
            secret = Secret,
            coaPort = mikrotik.CoaEndPoint!.Port,
        })).ShouldBeJsonAsync(HttpStatusCode.Created);
        return new HotspotLoop(portal, admin, mikrotik, router.GetProperty("id").GetString()!);
    }

    /// <summary>A plan with a rate limit and optional data cap (the plans API belongs to another area; the store is the same).</summary>
    public async Task<string> CreatePlanAsync(TimeSpan duration, string rateLimit = "2M/5M", long? dataCapBytes = null, PlanMode mode = PlanMode.Validity)
    {
        var plan = await Portal.Services.GetRequiredService<IPlanStore>()
            .CreateAsync(new PlanDefinition("E2E plan", 50, duration, mode, rateLimit, dataCapBytes), CancellationToken.None);
        return plan.Id;
    }

    /// <summary>Sells a voucher for cash: <c>POST /api/admin/activate</c>; returns its code.</summary>
    public async Task<string> ActivateAsync(string planId, string? mac = null) =>
        (await (await Admin.PostJsonAsync("/api/admin/activate", new { planId, mac })).ShouldBeJsonAsync(HttpStatusCode.Created))
        .GetProperty("code").GetString()!;

    public async Task<JsonElement> VoucherAsync(string code) =>
        await (await Admin.GetAsync($"/api/admin/vouchers/{code}")).ShouldBeJsonAsync(HttpStatusCode.OK);

    public async Task<JsonElement> OpenSessionsAsync() =>
        await (await Admin.GetAsync("/api/admin/sessions?active=true")).ShouldBeJsonAsync(HttpStatusCode.OK);

    public Task WaitUntilNoOpenSessionsAsync() =>
        Poll.UntilAsync(() => OpenSessionsAsync().GetAwaiter().GetResult().GetArrayLength() == 0, "no session is open");

    /// <summary>Moves the fake clock in steps, letting the router's accounting land after each (time passes continuously).</summary>
    public async Task AdvanceAsync(TimeSpan total, TimeSpan? step = null)
    {
        var increment = step ?? TimeSpan.FromMinutes(1);
        for (var moved = TimeSpan.Zero; moved < total; moved += increment)
        {
            Portal.Clock.Advance(increment < total - moved ? increment : total - moved);
            await Mikrotik.WaitForAccountingAsync();
        }
    }

    /// <summary>Stops the Portal and starts it again on the same store, clock and RADIUS ports; the router keeps running.</summary>
    public async Task RestartPortalAsync()
    {
        var next = Portal.Restarted();
        Admin.Dispose();
        await Portal.DisposeAsync();
        Portal = next;
        Admin = next.CreateAdminClient();
        _ = next.Services;
    }

    public async ValueTask DisposeAsync()
    {
        await Mikrotik.DisposeAsync();
        Admin.Dispose();
        await Portal.DisposeAsync();
        if (Directory.Exists(Portal.Folder))
        {
            Directory.Delete(Portal.Folder, recursive: true);
        }
    }
}
