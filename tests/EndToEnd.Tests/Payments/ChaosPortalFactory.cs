using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WifiBilling.Portal.Tests.Payments;

namespace WifiBilling.EndToEnd.Tests.Payments;

/// <summary>
/// The whole Portal in demo mode on Kestrel (127.0.0.1:0): the mounted Daraja simulator, the payment endpoints and the
/// reconciler all run on one <see cref="FakeTimeProvider"/> the test moves, with a real SQLite file, and the
/// <see cref="CallbackDurabilityProbe"/> in front of the pipeline.
/// </summary>
public sealed class ChaosPortalFactory : WebApplicationFactory<WifiBilling.Portal.Program>
{
    private readonly string _folder = KestrelPortal.NewDataFolder("wifibilling-chaos");
    private HttpClient? _client;

    public ChaosPortalFactory()
    {
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 1, 15, 7, 0, 0, TimeSpan.Zero));

    public CallbackDurabilityProbe Probe { get; } = new();

    public HttpClient Client => _client ??= KestrelPortal.StartAndConnect(this);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:Sqlite:Path"] = Path.Combine(_folder, "wifibilling.db"),
            ["Portal:DataDirectory"] = _folder,
            ["ADMIN_API_KEY"] = "chaos-test-admin-key-0123456789",
            ["Radius:AuthPort"] = "0",
            ["Radius:AcctPort"] = "0",
            ["Serilog:MinimumLevel:Default"] = "Error",
            ["Serilog:MinimumLevel:Override:Microsoft"] = "Error",
            ["Daraja:RequestTimeout"] = "00:00:02",
            ["Payments:PushLimits:PerIp"] = "1000",
            ["Payments:PushLimits:AttemptsPerIp"] = "1000",
        };
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            services.AddSingleton<IStartupFilter>(Probe);
        });
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
}
